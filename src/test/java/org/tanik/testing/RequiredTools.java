package org.tanik.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need an external program (age, openssl, tar, script): on a
 * developer machine a missing program skips the test with a message; in CI (environment variable
 * CI=true) it fails the run, so an interop test can never pass by not running.
 */
public final class RequiredTools {
    private RequiredTools() {
    }

    /** Skips the calling test (developer machine) or fails it (CI) unless every tool is on PATH. */
    public static void require(String... tools) {
        require(System.getenv("CI"), RequiredTools::onPath, tools);
    }

    static void require(String ciVariable, Predicate<String> onPath, String... tools) {
        List<String> missing = List.of(tools).stream().filter(onPath.negate()).toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "not on PATH: " + String.join(", ", missing) + " (.ci/run installs them)";
        if ("true".equalsIgnoreCase(ciVariable)) {
            throw new AssertionError("CI=true and a required tool is missing, " + message);
        }
        Assumptions.abort(message);
    }

    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                    return true;
                }
            }
        }
        return false;
    }
}
