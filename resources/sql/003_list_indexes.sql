-- FOI Desk schema, version 3: indexes for the request list.
--
-- The list is sorted by any of its columns and filtered by status over tens of thousands of
-- requests, a page at a time; each sort key has an index ending in id, the tiebreak the store
-- always adds, so a page is read in index order instead of sorting the whole table.

CREATE INDEX requests_by_due ON requests (due_date, id);
CREATE INDEX requests_by_title ON requests (title COLLATE NOCASE, id);
CREATE INDEX requests_by_officer ON requests (officer COLLATE NOCASE, id);
CREATE INDEX requests_by_status ON requests (status, received, id);
