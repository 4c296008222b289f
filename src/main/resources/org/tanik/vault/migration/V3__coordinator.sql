-- The coordinator's side: devices that enrolled, bundles received, the archive of imported
-- testimony versions, their review, and an append-only hash-chained audit log. Labels, reasons,
-- notes and content are sealed; the plain columns are what filters and ordering need.
CREATE TABLE device (
    fingerprint     VARCHAR(32)              PRIMARY KEY,
    public_key      VARBINARY(32)            NOT NULL,
    state           VARCHAR(16)              NOT NULL,
    label           VARBINARY(10000),
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoke_reason   VARBINARY(10000),
    first_seen      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence   BIGINT                   NOT NULL
);

CREATE TABLE received_bundle (
    bundle_id       UUID                     PRIMARY KEY,
    file_sha256     VARCHAR(64)              NOT NULL UNIQUE,
    device          VARCHAR(32)              NOT NULL,
    sequence        BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_at     TIMESTAMP WITH TIME ZONE,
    state           VARCHAR(16)              NOT NULL,
    record_count    INT                      NOT NULL,
    flagged         BOOLEAN                  NOT NULL,
    held_file       VARBINARY(2000000000)
);

CREATE INDEX received_bundle_device ON received_bundle (device, sequence);

CREATE TABLE archive_version (
    testimony_id    UUID                     NOT NULL,
    version         INT                      NOT NULL,
    device          VARCHAR(32)              NOT NULL,
    bundle_id       UUID                     NOT NULL,
    latest          BOOLEAN                  NOT NULL,
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    content         VARBINARY(1000000000)    NOT NULL,
    PRIMARY KEY (testimony_id, version)
);

CREATE TABLE review (
    testimony_id    UUID                     PRIMARY KEY,
    state           VARCHAR(24)              NOT NULL,
    duplicate_of    UUID,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE review_event (
    id              IDENTITY                 PRIMARY KEY,
    testimony_id    UUID                     NOT NULL,
    state           VARCHAR(24)              NOT NULL,
    duplicate_of    UUID,
    note            VARBINARY(1000000)       NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE audit_log (
    seq             BIGINT                   PRIMARY KEY,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    action          VARCHAR(32)              NOT NULL,
    subject         VARCHAR(100)             NOT NULL,
    detail          VARBINARY(1000000)       NOT NULL,
    prev_hash       VARCHAR(64)              NOT NULL,
    hash            VARCHAR(64)              NOT NULL
);
