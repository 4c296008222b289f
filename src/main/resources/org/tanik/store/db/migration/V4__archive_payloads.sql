-- An imported bundle's payload is kept as its sealed age chunks in the vault's archive folder, not
-- encrypted a second time record by record. One row per bundle: the payload key (sealed), the table
-- of the records it added (id, version, offset, length, SHA-256) and the signed manifest, kept so
-- that every archived record can be checked again against what its device signed.
-- archive_version keeps only the rows imported before, with their content.
CREATE TABLE archive_bundle (
    bundle_id       UUID                     PRIMARY KEY,
    payload_key     VARBINARY(1000)          NOT NULL,
    payload_size    BIGINT                   NOT NULL,
    records         VARBINARY(1000000000)    NOT NULL,
    manifest        VARBINARY(100000000)     NOT NULL,
    signature       VARBINARY(64)            NOT NULL
);
