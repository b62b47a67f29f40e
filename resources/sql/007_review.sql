-- FOI Desk schema, version 7: supervisor review, who did what, and a tamper-evident history.
--
-- Statuses: the workflow's statuses replace the old ones without losing any request. on_hold
-- becomes clarification_sought, in_review awaiting_review, responded sent; the rest keep
-- their codes.
--
-- staff.login: the name that identifies a person as the current user; unique (ignoring ASCII
-- letter case) when not empty. staff.role may now also be 'both'.
--
-- requests.second_signoff_by: who must give the second approval ('press office', 'director');
-- empty when one approval is enough. requests.first_approval_by: the login of the first
-- approver while the second approval is awaited.
--
-- audit: each entry now names the user (user_login), the field or kind of change, its old and
-- new value, and carries prev_hash (the hash of the entry before it) and hash (SHA-256 over
-- the entry's own content and prev_hash; store/HistoryChain.cpp says exactly what is hashed).
-- An entry edited, removed or moved with an SQL tool no longer fits the chain, which
-- Store::verifyHistory() reports. The entries written before this version are chained by the
-- migration itself (Migrator runs HistoryChain::chainExisting after these statements): that is
-- the one time an entry is updated, so the update trigger refuses any change to an entry that
-- already has its hash.
--
-- review_comments, review_decisions: what supervisors said, kept with the request and never
-- exported. review_decisions.content is the exchange-format JSON of the content the decision
-- was made on, so that the next review shows what changed since. sent_letters: each letter as it was sent (its PDF and the exchange-format JSON of
-- the content it was made from), for the Information Commissioner after a complaint.
-- log_settings: settings of this log (not of one user), such as review switched off.

UPDATE requests SET status = 'clarification_sought' WHERE status = 'on_hold';
UPDATE requests SET status = 'awaiting_review' WHERE status = 'in_review';
UPDATE requests SET status = 'sent' WHERE status = 'responded';

ALTER TABLE requests ADD COLUMN second_signoff_by TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN first_approval_by TEXT NOT NULL DEFAULT '';

ALTER TABLE staff ADD COLUMN login TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX staff_login_unique ON staff (login COLLATE NOCASE) WHERE login <> '';

DROP TRIGGER audit_refuses_update;

ALTER TABLE audit ADD COLUMN user_login TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN field     TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN old_value TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN new_value TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN hash      TEXT NOT NULL DEFAULT '';

CREATE TRIGGER audit_refuses_update BEFORE UPDATE ON audit WHEN OLD.hash <> ''
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: its entries cannot be changed.');
END;

CREATE TABLE review_comments (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    question    INTEGER,
    author      TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    resolved    INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    resolved_by TEXT    NOT NULL DEFAULT '',
    resolved_at TEXT
);

CREATE INDEX review_comments_by_request ON review_comments (request_id, id);

CREATE TABLE review_decisions (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    decision   TEXT    NOT NULL CHECK (decision IN ('approve', 'second_approve', 'return')),
    author     TEXT    NOT NULL,
    comment    TEXT    NOT NULL DEFAULT '',
    at         TEXT    NOT NULL,
    revision   INTEGER NOT NULL,
    content    TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX review_decisions_by_request ON review_decisions (request_id, id);

CREATE TABLE sent_letters (
    id           INTEGER PRIMARY KEY,
    request_id   INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    sent_on      TEXT    NOT NULL,
    sent_by      TEXT    NOT NULL,
    revision     INTEGER NOT NULL,
    content_json TEXT    NOT NULL,
    pdf          BLOB    NOT NULL,
    pdf_sha256   TEXT    NOT NULL,
    recorded_at  TEXT    NOT NULL
);

CREATE INDEX sent_letters_by_request ON sent_letters (request_id, id);

CREATE TRIGGER sent_letters_refuse_update BEFORE UPDATE ON sent_letters
BEGIN
    SELECT RAISE(ABORT, 'A letter as sent is a record: it cannot be changed.');
END;

CREATE TABLE log_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
