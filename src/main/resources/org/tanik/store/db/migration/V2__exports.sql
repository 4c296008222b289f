-- Which sealed versions went out in which bundle, and this device's bundle sequence.
ALTER TABLE testimony_version ADD COLUMN exported_bundle UUID;

CREATE TABLE bundle_export (
    sequence      INT                      PRIMARY KEY,
    bundle_id     UUID                     NOT NULL,
    file_sha256   VARCHAR(64)              NOT NULL,
    record_count  INT                      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
