-- A counter raised each time the vault is closed (and after each import), with a sealed copy of it
-- kept outside the database in tanik.generation. If H2 ever opens the file at an earlier commit
-- (it does so, silently, when its newest commit is damaged), the counter read back is lower than
-- the copy, and the user is told that recent work may be missing.
CREATE TABLE vault_generation (
    id          INT     PRIMARY KEY CHECK (id = 1),
    generation  BIGINT  NOT NULL
);
INSERT INTO vault_generation (id, generation) VALUES (1, 0);
