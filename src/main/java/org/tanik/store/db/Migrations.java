package org.tanik.store.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * Versioned schema migrations: numbered SQL scripts applied once each, in order, recorded in
 * {@code schema_version}. Hand-written rather than Flyway: the need is forty lines, and Flyway 13
 * would bring telemetry and report-writing code into an application that must not phone home or
 * write files it does not need.
 */
final class Migrations {

    /** Append only: a released script never changes, a new schema change is a new script. */
    static final List<String> SCRIPTS = List.of("V1__testimonies.sql", "V2__exports.sql", "V3__coordinator.sql",
            "V4__archive_payloads.sql", "V5__vault_generation.sql", "V6__audit_checkpoints.sql", "V7__outbox.sql",
            "V8__intake.sql", "V9__archive_attachments.sql");

    private Migrations() {
    }

    static void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL, "
                    + "applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        }
        int current = currentVersion(c);
        if (current > SCRIPTS.size()) {
            throw new TanikException(Problem.NEWER_VAULT_FORMAT);
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int v = current + 1; v <= SCRIPTS.size(); v++) {
                String script = SCRIPTS.get(v - 1);
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(read(script))) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version (version, script) VALUES (?, ?)")) {
                    p.setInt(1, v);
                    p.setString(2, script);
                    p.executeUpdate();
                }
                c.commit();
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read migration " + script, e);
        }
    }

    /** Splits a script on semicolons; our scripts keep semicolons out of literals and comments. */
    static List<String> statements(String script) {
        StringBuilder cleaned = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("--")) {
                cleaned.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(cleaned.toString().split(";"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
