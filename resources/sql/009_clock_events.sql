-- FOI Desk schema, version 8: the statutory clock's events and the date a response was sent.
--
-- clock_events: what happened to a request's clock, in date order (position): clarification
-- sought and received, fees notice issued and fee paid, a public interest extension (with the
-- estimated date given to the requester), an EIR regulation 7 extension, the internal review
-- requested and its outcome, and a complaint to the Commissioner. The rows go with their
-- request, and the store rewrites them with the request on every save. The due date is worked
-- out from them (calendar/StatutoryClock), never stored here.
-- requests.response_sent: the day the response was sent; NULL while it has not been, as for
-- every request stored before this version.

CREATE TABLE clock_events (
    request_id     INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('clarification_sought',
                                                    'clarification_received',
                                                    'fees_notice_issued',
                                                    'fee_paid',
                                                    'pi_extension',
                                                    'eir_extension',
                                                    'internal_review_requested',
                                                    'internal_review_outcome',
                                                    'complaint_to_commissioner')),
    date           TEXT    NOT NULL,
    note           TEXT    NOT NULL DEFAULT '',
    estimated_date TEXT,
    PRIMARY KEY (request_id, position)
);

ALTER TABLE requests ADD COLUMN response_sent TEXT;
