-- FOI Desk schema, version 5: exemptions, redactions and the release check.
--
-- questions.disposition: what the letter does with the answer; 'answered' for every question
-- written before this version, which is what those letters did.
-- questions.exemptions: the exemption codes the question relies on, as a JSON array of strings
-- in the order the officer chose them.
-- question_redactions: the withheld passages of an answer, as UTF-16 offsets into the answer
-- (Qt's QString indices), so that they stay exact whatever the text holds. The rows go with
-- their question, and the store rewrites them with the questions on every save.
-- request_exemption_reasons: the officer's reasoning for each exemption the request uses.
-- release_checks: each reading-back of an exported letter. Findings hold withheld strings, so
-- this table is internal to the log and never exported; rows are only ever added (and go with
-- their request), so a failed check cannot later be rewritten as a pass.
-- suggestion_decisions: what the officer did with each redaction suggestion.

ALTER TABLE questions ADD COLUMN disposition TEXT NOT NULL DEFAULT 'answered'
    CHECK (disposition IN ('answered', 'not_held', 'withheld', 'part_withheld', 'ncnd'));

ALTER TABLE questions ADD COLUMN exemptions TEXT NOT NULL DEFAULT '[]';

CREATE TABLE question_redactions (
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    start       INTEGER NOT NULL CHECK (start >= 0),
    length      INTEGER NOT NULL CHECK (length > 0),
    exemption   TEXT    NOT NULL,
    PRIMARY KEY (question_id, position)
);

CREATE TABLE request_exemption_reasons (
    request_id      INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    code            TEXT    NOT NULL,
    reasoning       TEXT    NOT NULL DEFAULT '',
    public_interest TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (request_id, code)
);

CREATE TABLE release_checks (
    id             INTEGER PRIMARY KEY,
    request_id     INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    checked_at     TEXT    NOT NULL,
    file           TEXT    NOT NULL DEFAULT '',
    file_sha256    TEXT    NOT NULL DEFAULT '',
    fingerprint    TEXT    NOT NULL DEFAULT '',
    withheld_count INTEGER NOT NULL DEFAULT 0,
    pages_read     INTEGER NOT NULL DEFAULT 0,
    findings       TEXT    NOT NULL DEFAULT '[]',
    error          TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX release_checks_by_request ON release_checks (request_id, id);

CREATE TRIGGER release_checks_refuse_update BEFORE UPDATE ON release_checks
BEGIN
    SELECT RAISE(ABORT, 'Release checks are a record: a stored check cannot be changed.');
END;

-- "user" is a reserved word in other SQL databases, hence user_name.
CREATE TABLE suggestion_decisions (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    at         TEXT    NOT NULL,
    user_name  TEXT    NOT NULL DEFAULT '',
    action     TEXT    NOT NULL CHECK (action IN ('accepted', 'dismissed')),
    kind       TEXT    NOT NULL CHECK (kind IN ('staff_name', 'email', 'phone', 'postcode',
                                               'withheld_elsewhere')),
    text       TEXT    NOT NULL,
    exemption  TEXT    NOT NULL DEFAULT '',
    question   INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX suggestion_decisions_by_request ON suggestion_decisions (request_id, id);

CREATE TRIGGER suggestion_decisions_refuse_update BEFORE UPDATE ON suggestion_decisions
BEGIN
    SELECT RAISE(ABORT, 'Suggestion decisions are a record: a stored decision cannot be changed.');
END;
