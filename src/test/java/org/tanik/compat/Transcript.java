package org.tanik.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tanik.testing.CliRunner;

/**
 * A recorded CLI session: for each step the command line, exit code, standard output and standard
 * error, normalised by one {@link Normaliser} so that run-to-run values become numbered placeholders.
 */
final class Transcript {

    private Normaliser normaliser;
    private final StringBuilder text = new StringBuilder();
    /** Which passphrase each runner uses, named in the transcript instead of the passphrase itself. */
    private final Map<CliRunner, String> who = new java.util.IdentityHashMap<>();

    Transcript(Normaliser normaliser) {
        this.normaliser = normaliser;
    }

    /** Normalises the next steps with {@code n} instead (e.g. from literal to placeholders). */
    Transcript normaliseWith(Normaliser n) {
        this.normaliser = n;
        return this;
    }

    Transcript runner(CliRunner cli, String name) {
        who.put(cli, name);
        return this;
    }

    /** A comment line ("# …") that explains the next steps. */
    void note(String line) {
        text.append("# ").append(normaliser.apply(line)).append('\n');
    }

    /** Runs one command, records it, and returns its raw (not normalised) result for the script to use. */
    CliRunner.Result run(CliRunner cli, String... args) {
        CliRunner.Result r = cli.run(args);
        String line = String.join(" ", List.of(args).stream().map(Transcript::quote).toList());
        text.append("$ [").append(who.getOrDefault(cli, "?")).append("] tanik ").append(normaliser.apply(line)).append('\n');
        text.append("exit: ").append(r.code()).append('\n');
        section("stdout", r.out());
        section("stderr", r.err());
        text.append('\n');
        return r;
    }

    private void section(String name, String content) {
        if (content.isEmpty()) {
            text.append("--- ").append(name).append(": (empty)\n");
            return;
        }
        String n = normaliser.apply(content);
        text.append("--- ").append(name).append('\n').append(n);
        if (!n.endsWith("\n")) {
            text.append("\n--- (no final line break)\n");
        }
    }

    private static String quote(String arg) {
        return arg.isEmpty() || arg.matches(".*[\\s'\"].*") ? "'" + arg.replace("'", "'\\''") + "'" : arg;
    }

    String text() {
        return text.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text(), StandardCharsets.UTF_8);
    }
}
