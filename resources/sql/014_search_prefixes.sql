-- FOI Desk schema: word-prefix indexes for search while typing.
--
-- An officer's search follows their typing, so most searches end in a short word prefix ("co",
-- "com"). Without a prefix index, FTS5 finds such a prefix by merging the entries of every word
-- that starts with it, thousands of them in a large log. With prefix = '1 2 3 4' the index also
-- keeps every word's first one to four characters as entries of their own, so a short prefix is
-- read like one word (the index grows by about four fifths). The tables, columns and tokenizer
-- are those of version 8; the triggers that keep them in step name the tables and carry on
-- unchanged.

DROP TABLE request_search;
CREATE VIRTUAL TABLE request_search USING fts5(
    reference, title, introduction, combined_response,
    content = 'requests', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '1 2 3 4'
);

DROP TABLE question_search;
CREATE VIRTUAL TABLE question_search USING fts5(
    section, text, answer,
    content = 'questions', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '1 2 3 4'
);

INSERT INTO request_search (request_search) VALUES ('rebuild');
INSERT INTO question_search (question_search) VALUES ('rebuild');
