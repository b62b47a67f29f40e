-- FOI Desk schema, version 2: the staff register and the audit trail.
--
-- The audit trail is append-only: the triggers below refuse every UPDATE and DELETE, so a
-- record of who changed what cannot be rewritten afterwards, not even with an SQL tool.
-- It names the request by its reference and never holds the requester's personal data.

CREATE TABLE staff (
    id        INTEGER PRIMARY KEY,
    name      TEXT    NOT NULL,
    job_title TEXT    NOT NULL DEFAULT '',
    grade     TEXT    NOT NULL DEFAULT '',
    senior    INTEGER NOT NULL DEFAULT 0 CHECK (senior IN (0, 1)),
    role      TEXT    NOT NULL DEFAULT 'officer'
);

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    reference TEXT    NOT NULL DEFAULT '',
    revision  INTEGER NOT NULL DEFAULT 0,
    detail    TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX audit_by_reference ON audit (reference COLLATE NOCASE, id);

CREATE TRIGGER audit_refuses_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: its entries cannot be changed.');
END;

CREATE TRIGGER audit_refuses_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: its entries cannot be deleted.');
END;
