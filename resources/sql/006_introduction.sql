-- FOI Desk schema, version 6: the request's own introduction.
--
-- introduction: the words a requester writes before the questions ("I wanted to find out more
-- information about your organisation's Digital Platform..."), quoted before them in the
-- letter. Empty for requests that have none, as every request stored before this version.

ALTER TABLE requests ADD COLUMN introduction TEXT NOT NULL DEFAULT '';
