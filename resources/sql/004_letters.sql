-- FOI Desk schema, version 4: what the response letter needs.
--
-- letter_final: the officer has marked the letter final, so it exports without the DRAFT mark.
-- organisation_profile: the authority's name, contacts and letter wording, as one
-- "foidesk.profile/1" JSON document (docs/profile-format.md). One row at most; when there is
-- none the shipped defaults apply.

ALTER TABLE requests ADD COLUMN letter_final INTEGER NOT NULL DEFAULT 0
    CHECK (letter_final IN (0, 1));

CREATE TABLE organisation_profile (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    json       TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
