-- FOI Desk schema: full-text search over the log (SQLite FTS5).
--
-- Two external-content indexes: one over each request's reference, title, introduction and
-- combined response, one over each question's section heading, text and answer. They hold no
-- copy of the text (content= names the table it lives in); the triggers below keep them in
-- step with every insert, update and delete, including questions removed with their request.
-- The requester's name, email and address are never indexed.
--
-- Tokens: Unicode letters and digits with diacritics removed (so "Sian" finds "Siân"), then
-- the Porter stemmer for English (so "parking" finds "parked").

CREATE VIRTUAL TABLE request_search USING fts5(
    reference, title, introduction, combined_response,
    content = 'requests', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE question_search USING fts5(
    section, text, answer,
    content = 'questions', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER request_search_after_insert AFTER INSERT ON requests
BEGIN
    INSERT INTO request_search (rowid, reference, title, introduction, combined_response)
    VALUES (new.id, new.reference, new.title, new.introduction, new.combined_response);
END;

CREATE TRIGGER request_search_after_delete AFTER DELETE ON requests
BEGIN
    INSERT INTO request_search (request_search, rowid, reference, title, introduction,
                                combined_response)
    VALUES ('delete', old.id, old.reference, old.title, old.introduction, old.combined_response);
END;

CREATE TRIGGER request_search_after_update
AFTER UPDATE OF reference, title, introduction, combined_response ON requests
BEGIN
    INSERT INTO request_search (request_search, rowid, reference, title, introduction,
                                combined_response)
    VALUES ('delete', old.id, old.reference, old.title, old.introduction, old.combined_response);
    INSERT INTO request_search (rowid, reference, title, introduction, combined_response)
    VALUES (new.id, new.reference, new.title, new.introduction, new.combined_response);
END;

CREATE TRIGGER question_search_after_insert AFTER INSERT ON questions
BEGIN
    INSERT INTO question_search (rowid, section, text, answer)
    VALUES (new.id, new.section, new.text, new.answer);
END;

CREATE TRIGGER question_search_after_delete AFTER DELETE ON questions
BEGIN
    INSERT INTO question_search (question_search, rowid, section, text, answer)
    VALUES ('delete', old.id, old.section, old.text, old.answer);
END;

CREATE TRIGGER question_search_after_update AFTER UPDATE OF section, text, answer ON questions
BEGIN
    INSERT INTO question_search (question_search, rowid, section, text, answer)
    VALUES ('delete', old.id, old.section, old.text, old.answer);
    INSERT INTO question_search (rowid, section, text, answer)
    VALUES (new.id, new.section, new.text, new.answer);
END;

-- A log upgraded from an earlier version is indexed whole.
INSERT INTO request_search (request_search) VALUES ('rebuild');
INSERT INTO question_search (question_search) VALUES ('rebuild');
