-- Placeholder on the coordinator-sync branch only, so that V8 is applied as version 8: helper H3's
-- V7__outbox.sql (branch volunteer-sync) replaces this file at the merge.
CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL)
