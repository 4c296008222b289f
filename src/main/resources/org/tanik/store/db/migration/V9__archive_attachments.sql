-- Attachments (documents, photos, interview audio) are kept where they arrived: inside the sealed
-- payload of the bundle that first carried them. One row per content hash says where: the bundle,
-- the offset of the content in its decrypted payload, and its size. A blob carried again by a later
-- bundle keeps its first row, so each content is found in one place.
CREATE TABLE archive_attachment (
    sha256          VARCHAR(64)              PRIMARY KEY,
    bundle_id       UUID                     NOT NULL,
    entry_offset    BIGINT                   NOT NULL,
    size            BIGINT                   NOT NULL
);
