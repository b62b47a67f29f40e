-- FOI Desk schema: publication in the disclosure log.
--
-- requests.not_for_publication: 1 keeps the request out of the published log, for the reason in
-- not_for_publication_reason (a request for the requester's own data, say). Every request stored
-- before this version may be published, as nothing said otherwise.
-- requests.publish_after: the day from which the log may publish the request; NULL for "as soon
-- as it passes the gate".

ALTER TABLE requests ADD COLUMN not_for_publication INTEGER NOT NULL DEFAULT 0
    CHECK (not_for_publication IN (0, 1));
ALTER TABLE requests ADD COLUMN not_for_publication_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN publish_after TEXT;
