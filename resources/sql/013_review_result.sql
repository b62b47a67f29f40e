-- FOI Desk schema: the result of an internal review.
--
-- clock_events.review_result: for an internal review outcome, what the review decided:
-- 'upheld' (the original decision stands), 'upheld_in_part' (some information is released
-- after the review) or 'overturned'. NULL when the result was not recorded, as for every
-- outcome stored before this version, and always NULL for the other kinds of event.

ALTER TABLE clock_events ADD COLUMN review_result TEXT
    CHECK (review_result IS NULL
           OR (kind = 'internal_review_outcome'
               AND review_result IN ('upheld', 'upheld_in_part', 'overturned')));
