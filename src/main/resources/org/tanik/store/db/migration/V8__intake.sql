-- The coordinator's side of sync. Which device transport keys (base64url key ids) uploaded bundles
-- that imported as which device: the intake knows only transport keys, the archive only signing
-- keys, and the allow-list the organisation signs for the intake is made from this table. A key
-- tied to two devices is suspicious and kept out of the list (see coordinator.IntakeFetch).
CREATE TABLE intake_transport_key (
    key_id      VARCHAR(64)              NOT NULL,
    device      VARCHAR(32)              NOT NULL,
    first_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (key_id, device)
);

-- One row: how far the fetch got in the intake's queue (every bundle up to this cursor is settled)
-- and the serial of the last allow-list signed, which only grows so an old list cannot be replayed.
CREATE TABLE intake_progress (
    id          INT                      PRIMARY KEY,
    fetch_cursor BIGINT                  NOT NULL,
    allow_serial BIGINT                  NOT NULL
);

INSERT INTO intake_progress (id, fetch_cursor, allow_serial) VALUES (1, 0, 0);
