package org.tanik.crypto.age;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finding the age CLI and making scratch space inside the project (never /tmp). */
public final class ExternalTools {
    private ExternalTools() {
    }

    public static Path scratchDir(String prefix) throws IOException {
        Path base = Paths.get("target", "scratch");
        Files.createDirectories(base);
        return Files.createTempDirectory(base, prefix);
    }

    public static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs a command, failing with its stderr if it exits non-zero. */
    static void run(ProcessBuilder pb) throws IOException, InterruptedException {
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        byte[] err = p.getErrorStream().readAllBytes();
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException(String.join(" ", pb.command()) + " failed (" + rc + "): "
                    + new String(err, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
