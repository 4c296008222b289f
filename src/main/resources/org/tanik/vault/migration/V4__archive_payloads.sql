-- Archived versions point into the bundle payload they arrived in, kept as its sealed age chunks in
-- the vault's archive folder, instead of holding a second encryption of their content. The payload
-- key is sealed like every other secret; the signed manifest is kept so that every archived record
-- can be checked again against what its device signed. Rows imported before keep their content.
CREATE TABLE archive_bundle (
    bundle_id       UUID                     PRIMARY KEY,
    payload_key     VARBINARY(1000)          NOT NULL,
    payload_size    BIGINT                   NOT NULL,
    manifest        VARBINARY(100000000)     NOT NULL,
    signature       VARBINARY(64)            NOT NULL
);

ALTER TABLE archive_version ALTER COLUMN content SET NULL;

ALTER TABLE archive_version ADD COLUMN entry_offset BIGINT;

ALTER TABLE archive_version ADD COLUMN entry_length INT;

ALTER TABLE archive_version ADD COLUMN entry_sha256 VARCHAR(64);
