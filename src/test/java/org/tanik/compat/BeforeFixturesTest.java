package org.tanik.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the code after the refactor behaves as the code before it (commit 801a1aa). The same
 * scripted CLI session prints the same transcript, and the vaults and bundles made before open, verify
 * and import as they did. Everything goes through the command line; the expected texts were recorded by
 * {@link BeforeFixturesRecorder} (its javadoc says how to re-record, and when not to).
 */
class BeforeFixturesTest {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void theScriptedSessionPrintsWhatItPrintedBefore() throws IOException {
        String actual = BeforeSession.record(home, (name, dir) -> { }).text();
        assertSame(BeforeSession.TRANSCRIPT, actual);
    }

    @Test
    void theVaultsAndBundlesMadeBeforeOpenVerifyAndImportAsBefore() throws IOException {
        String actual = BeforeSession.checkFixtures(BeforeSession.FIXTURES, work).text();
        assertSame(BeforeSession.FIXTURE_OUTPUTS, actual);
    }

    /** Fails with the first differing line and a few lines around it, not two whole transcripts. */
    static void assertSame(String recordedName, String actual) throws IOException {
        Path recorded = BeforeSession.FIXTURES.resolve(recordedName);
        if (!Files.isRegularFile(recorded)) {
            throw new AssertionError("fixture file missing: " + recorded);
        }
        String expected = Files.readString(recorded, StandardCharsets.UTF_8);
        if (expected.isBlank()) {
            throw new AssertionError("fixture file is empty: " + recorded);
        }
        if (expected.equals(actual)) {
            return;
        }
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
            i++;
        }
        StringBuilder msg = new StringBuilder(recordedName + " differs first at line " + (i + 1) + ":\n");
        // The command being run: the last "$ " line before the difference.
        for (int j = Math.min(i, e.size() - 1); j >= 0; j--) {
            if (e.get(j).startsWith("$ ")) {
                msg.append("  in step: ").append(e.get(j)).append('\n');
                break;
            }
        }
        for (int j = Math.max(0, i - 3); j < i + 4; j++) {
            String exp = j < e.size() ? e.get(j) : "<end>";
            String act = j < a.size() ? a.get(j) : "<end>";
            msg.append(exp.equals(act) ? "   " : "-  ").append(exp).append('\n');
            if (!exp.equals(act)) {
                msg.append("+  ").append(act).append('\n');
            }
        }
        msg.append("(").append(e.size()).append(" lines recorded, ").append(a.size()).append(" now)");
        throw new AssertionError(msg.toString());
    }
}
