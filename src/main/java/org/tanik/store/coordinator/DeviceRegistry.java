package org.tanik.store.coordinator;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tanik.crypto.Fingerprint;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Device;
import org.tanik.model.DeviceState;
import org.tanik.store.db.VaultDb;

/** The coordinator's registry of volunteer devices. Labels and revocation reasons are sealed. */
public final class DeviceRegistry {

    private static final String COLUMNS = "fingerprint, public_key, state, label, revoked_at, revoke_reason, first_seen, "
            + "last_seen, last_sequence";
    private final VaultDb db;

    DeviceRegistry(VaultDb db) {
        this.db = db;
    }

    public Optional<Device> find(String fingerprint) {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT " + COLUMNS + " FROM device WHERE fingerprint = ?")) {
                s.setString(1, fingerprint);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The device with exactly this public key. Devices are identified by their key, never by the
     * short id alone: a row whose stored key was altered no longer matches the real device.
     */
    public Optional<Device> findByKey(byte[] publicKey) {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT " + COLUMNS + " FROM device WHERE public_key = ?")) {
                s.setBytes(1, publicKey);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.empty();
                }
            }
        });
    }

    /** How many devices wait for approval. */
    public int countPending() {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT COUNT(*) FROM device WHERE state = 'PENDING'");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    public List<Device> list() {
        return db.call(() -> {
            List<Device> out = new ArrayList<>();
            try (PreparedStatement s = db.prepare("SELECT " + COLUMNS + " FROM device ORDER BY first_seen");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(read(r));
                }
            }
            return out;
        });
    }

    /** Registers a device the first time it is seen (as pending), else updates when it was last seen. */
    public Device seen(String fingerprint, byte[] publicKey, Instant at, long sequence) {
        return db.call(() -> {
            Optional<Device> existing = find(fingerprint);
            if (existing.isEmpty()) {
                try (PreparedStatement s = db.prepare("INSERT INTO device (fingerprint, public_key, state, first_seen, "
                        + "last_seen, last_sequence) VALUES (?, ?, 'PENDING', ?, ?, 0)")) {
                    s.setString(1, fingerprint);
                    s.setBytes(2, publicKey);
                    s.setTimestamp(3, Timestamp.from(at));
                    s.setTimestamp(4, Timestamp.from(at));
                    s.executeUpdate();
                }
            } else {
                try (PreparedStatement s = db.prepare("UPDATE device SET last_seen = ? WHERE fingerprint = ?")) {
                    s.setTimestamp(1, Timestamp.from(at));
                    s.setString(2, fingerprint);
                    s.executeUpdate();
                }
            }
            return find(fingerprint).orElseThrow();
        });
    }

    /** Records the highest sequence imported from a device. */
    public void imported(String fingerprint, long sequence) {
        db.call(() -> {
            try (PreparedStatement s = db.prepare(
                    "UPDATE device SET last_sequence = GREATEST(last_sequence, ?) WHERE fingerprint = ?")) {
                s.setLong(1, sequence);
                s.setString(2, fingerprint);
                return s.executeUpdate();
            }
        });
    }

    public void approve(String fingerprint, String label) {
        Device d = require(fingerprint);
        if (d.state() == DeviceState.REVOKED) {
            throw new TanikException(Problem.DEVICE_REVOKED, fingerprint);
        }
        update(fingerprint, "UPDATE device SET state = 'APPROVED', label = ? WHERE fingerprint = ?",
                seal(fingerprint, "label", label));
    }

    public void revoke(String fingerprint, String reason, Instant at) {
        require(fingerprint);
        db.call(() -> {
            try (PreparedStatement s = db.prepare("UPDATE device SET state = 'REVOKED', revoked_at = ?, revoke_reason = ? "
                    + "WHERE fingerprint = ?")) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setBytes(2, seal(fingerprint, "reason", reason));
                s.setString(3, fingerprint);
                return s.executeUpdate();
            }
        });
    }

    public Device require(String fingerprint) {
        return find(fingerprint).orElseThrow(() -> new TanikException(Problem.DEVICE_NOT_FOUND, fingerprint));
    }

    private void update(String fingerprint, String sql, byte[] value) {
        db.call(() -> {
            try (PreparedStatement s = db.prepare(sql)) {
                s.setBytes(1, value);
                s.setString(2, fingerprint);
                return s.executeUpdate();
            }
        });
    }

    private byte[] seal(String fingerprint, String column, String text) {
        return db.cipher.seal("device-" + column, fingerprint, 0, "-", (text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
    }

    private String open(String fingerprint, String column, byte[] sealed) {
        return sealed == null ? "" : new String(db.cipher.open("device-" + column, fingerprint, 0, "-", sealed),
                StandardCharsets.UTF_8);
    }

    private Device read(ResultSet r) throws SQLException {
        String fp = r.getString(1);
        DeviceState state;
        try {
            state = DeviceState.valueOf(r.getString(3));
        } catch (IllegalArgumentException e) {
            throw new TanikException(Problem.RECORD_TAMPERED);
        }
        Timestamp revoked = r.getTimestamp(5);
        byte[] key = r.getBytes(2);
        return new Device(fp, Fingerprint.device(key), key, state, open(fp, "label", r.getBytes(4)),
                revoked == null ? null : revoked.toInstant(), open(fp, "reason", r.getBytes(6)),
                r.getTimestamp(7).toInstant(), r.getTimestamp(8).toInstant(), r.getLong(9));
    }
}
