package org.tanik.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records the "before" fixtures of issue 14 into {@code src/test/resources/fixtures/before/}: the CLI
 * transcript of {@link BeforeSession#record}, the vaults and bundles that session left, and what the
 * checks of {@link BeforeSession#checkFixtures} print on them. They were recorded on commit 801a1aa,
 * before the refactor; {@link BeforeFixturesTest} keeps checking them. Re-record only on purpose (a
 * deliberate change of output), never to make that test pass after a refactor meant to change nothing:
 *
 * <pre>mvn -B -o -q test -Dtest=BeforeFixturesRecorder -Dtanik.fixtures.record=true</pre>
 *
 * It replaces the whole folder except README.md.
 */
@EnabledIfSystemProperty(named = "tanik.fixtures.record", matches = "true")
class BeforeFixturesRecorder {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void record() throws IOException {
        Path out = BeforeSession.FIXTURES;
        Files.createDirectories(out);
        try (Stream<Path> old = Files.list(out)) {
            for (Path p : old.toList()) {
                if (!p.getFileName().toString().equals("README.md")) {
                    delete(p);
                }
            }
        }
        Transcript t = BeforeSession.record(home, (name, dir) -> BeforeSession.copy(dir, out.resolve(name)));
        t.write(out.resolve(BeforeSession.TRANSCRIPT));
        BeforeSession.checkFixtures(out, work).write(out.resolve(BeforeSession.FIXTURE_OUTPUTS));
    }

    private static void delete(Path p) throws IOException {
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
