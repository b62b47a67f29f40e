-- FOI Desk schema, version 1: requests and their questions.
--
-- Dates are ISO 8601 text (YYYY-MM-DD) or NULL; timestamps are UTC ISO 8601 text.
-- References are typed by people, so "abc-1" and "ABC-1" are treated as the same reference
-- (COLLATE NOCASE, which folds ASCII letters only) to keep near-duplicates out of the log.
-- due_date is derived: the store recomputes it from received and regime on every save.

CREATE TABLE requests (
    id                INTEGER PRIMARY KEY,
    reference         TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    regime            TEXT    NOT NULL DEFAULT 'FOIA',
    title             TEXT    NOT NULL DEFAULT '',
    received          TEXT,
    requester_name    TEXT    NOT NULL DEFAULT '',
    requester_email   TEXT    NOT NULL DEFAULT '',
    requester_address TEXT    NOT NULL DEFAULT '',
    requester_kind    TEXT    NOT NULL DEFAULT 'individual',
    officer           TEXT    NOT NULL DEFAULT '',
    status            TEXT    NOT NULL DEFAULT 'new',
    held              TEXT    NOT NULL DEFAULT '',
    combined_response TEXT    NOT NULL DEFAULT '',
    letter_date       TEXT,
    due_date          TEXT,
    revision          INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);

CREATE TABLE questions (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    section    TEXT    NOT NULL DEFAULT '',
    label      TEXT    NOT NULL DEFAULT '',
    condition  TEXT    NOT NULL DEFAULT '',
    text       TEXT    NOT NULL DEFAULT '',
    choices    TEXT    NOT NULL DEFAULT '[]',
    answer     TEXT    NOT NULL DEFAULT '',
    UNIQUE (request_id, position)
);

-- The default order of the request list: newest received first.
CREATE INDEX requests_by_received ON requests (received, id);
