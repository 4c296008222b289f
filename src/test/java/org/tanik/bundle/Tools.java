package org.tanik.bundle;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** External commands for interop tests; scratch space inside target/ (never the temp directory). */
final class Tools {
    record Result(int exitCode, String stdout, String stderr) {
    }

    private Tools() {
    }

    static Path scratch(String prefix) throws IOException {
        Path base = Path.of("target", "scratch");
        Files.createDirectories(base);
        return Files.createTempDirectory(base, prefix);
    }

    static void delete(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs a command in {@code dir} with a deadline; stdin is empty. */
    static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        // Small outputs only: read both streams after exit would risk a full pipe, so read stdout first.
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
