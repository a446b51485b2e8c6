-- One row that server instances starting on the same database lock while they create the first
-- administrator and the default merchant: instances started together create one of each.
-- Portable SQL: runs on H2 (2.x) and PostgreSQL.
CREATE TABLE first_start_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO first_start_lock (id) VALUES (1);
