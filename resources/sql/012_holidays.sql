-- FOI Desk schema: bank holidays the log adds to the built-in calendar.
--
-- added_holidays: a day proclaimed at short notice (a state funeral, say), typed in by hand or
-- read from the government's bank-holidays file, for one part of the United Kingdom. The
-- built-in days are never stored here; the calendar every deadline of this log is worked with
-- is the built-in one plus these rows. Rows are removed only when the user takes back a day
-- added by mistake, and both are recorded in the history.
-- holiday_years: years a government file listed in full for all three parts of the UK, so that
-- deadlines running into them can be worked out even after the built-in data ends.

CREATE TABLE added_holidays (
    date     TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    nation   TEXT NOT NULL CHECK (nation IN ('england-and-wales', 'scotland', 'northern-ireland')),
    name     TEXT NOT NULL CHECK (name <> ''),
    source   TEXT NOT NULL DEFAULT '',
    added_by TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    PRIMARY KEY (date, nation)
);

CREATE TABLE holiday_years (
    year   INTEGER PRIMARY KEY CHECK (year BETWEEN 1972 AND 2199),
    source TEXT NOT NULL DEFAULT ''
);
