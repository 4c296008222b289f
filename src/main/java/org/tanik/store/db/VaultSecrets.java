package org.tanik.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.tanik.store.vault.RecordCipher;

/**
 * Small named values the vault keeps sealed: the device signing key, the organisation's keys, the
 * enrolment. Sealed with the record key, bound to the name, so values cannot be swapped.
 */
public final class VaultSecrets {

    private final Connection connection;
    private final RecordCipher cipher;
    /** The vault has one connection and one monitor guarding it: the VaultDb's. */
    private final Object lock;

    public VaultSecrets(VaultDb db) {
        this(db.connection, db.cipher, db.lock);
    }

    private VaultSecrets(Connection connection, RecordCipher cipher, Object lock) {
        this.connection = connection;
        this.cipher = cipher;
        this.lock = lock;
    }

    public Optional<byte[]> get(String name) {
        synchronized (lock) {
            try (PreparedStatement s = connection.prepareStatement("SELECT sealed_value FROM vault_secret WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(cipher.open("secret", name, 0, "-", r.getBytes(1))) : Optional.empty();
                }
            } catch (SQLException e) {
                throw Database.translate(e);
            }
        }
    }

    public void put(String name, byte[] value) {
        synchronized (lock) {
            try (PreparedStatement s = connection.prepareStatement(
                    "MERGE INTO vault_secret (name, sealed_value) KEY (name) VALUES (?, ?)")) {
                s.setString(1, name);
                s.setBytes(2, cipher.seal("secret", name, 0, "-", value));
                s.executeUpdate();
            } catch (SQLException e) {
                throw Database.translate(e);
            }
        }
    }

    /**
     * Forgets a value; true if there was one. The row's sealed bytes may stay in the database file
     * until it is compacted, but only as ciphertext under the vault's record key.
     */
    public boolean remove(String name) {
        synchronized (lock) {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM vault_secret WHERE name = ?")) {
                s.setString(1, name);
                return s.executeUpdate() > 0;
            } catch (SQLException e) {
                throw Database.translate(e);
            }
        }
    }

    /** The names that start with {@code prefix} (letters, digits, '/' and '-' only), in order. */
    public java.util.List<String> names(String prefix) {
        if (!prefix.matches("[A-Za-z0-9/-]*")) {
            throw new IllegalArgumentException("a plain prefix");
        }
        synchronized (lock) {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT name FROM vault_secret WHERE name LIKE ? ORDER BY name")) {
                s.setString(1, prefix + "%");
                java.util.List<String> names = new java.util.ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        names.add(r.getString(1));
                    }
                }
                return names;
            } catch (SQLException e) {
                throw Database.translate(e);
            }
        }
    }

    public boolean contains(String name) {
        synchronized (lock) {
            try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM vault_secret WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            } catch (SQLException e) {
                throw Database.translate(e);
            }
        }
    }
}
