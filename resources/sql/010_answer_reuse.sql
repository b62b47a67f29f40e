-- FOI Desk schema, version 10: where a reused answer came from.
--
-- questions.reused_from: set when the officer copied the answer from an earlier request of the
-- log (the reuse suggestions beside a question). A JSON object {"reference", "question",
-- "answered"} naming the earlier request, the question's name in it and the day it was
-- answered (ISO date, or absent); '' for an answer written here, as for every question stored
-- before this version.

ALTER TABLE questions ADD COLUMN reused_from TEXT NOT NULL DEFAULT '';
