-- The volunteer's outbox: every exported bundle, its copy in the vault folder's outbox/ and how far
-- sending it has got. Rows stay after delivery (the receipt is the proof); only the copy goes.
CREATE TABLE outbox (
    bundle_id     UUID                     PRIMARY KEY,
    sequence      INT                      NOT NULL UNIQUE,
    file_sha256   VARCHAR(64)              NOT NULL,
    size          BIGINT                   NOT NULL,
    file_name     VARCHAR(100)             NOT NULL,
    state         VARCHAR(16)              NOT NULL,
    upload_path   VARCHAR(500),
    receipt       VARCHAR(2048),
    received_at   TIMESTAMP WITH TIME ZONE,
    problem       VARCHAR(64),
    problem_args  VARCHAR(2000),
    attempts      INT                      DEFAULT 0 NOT NULL,
    next_attempt  TIMESTAMP WITH TIME ZONE
);
