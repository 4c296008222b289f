package org.tanik.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Looks for plaintext markers in files: every file under the given roots, plus every file that
 * appeared in the temp directory since {@link #snapshotTemp()}. Each marker is searched as UTF-8,
 * UTF-16LE and UTF-16BE bytes.
 */
public final class LeakScanner {

    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);
    private final Set<Path> tempBefore;

    private LeakScanner(Set<Path> tempBefore) {
        this.tempBefore = tempBefore;
    }

    public static LeakScanner snapshotTemp() {
        return new LeakScanner(new HashSet<>(files(tempDir())));
    }

    public static Path tempDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Returns "file: marker (encoding)" for every hit; also the number of files scanned via {@code scanned}. */
    public List<String> findIn(List<Path> roots, List<String> markers, int[] scanned) {
        List<Path> targets = new ArrayList<>();
        roots.forEach(r -> targets.addAll(files(r)));
        for (Path p : files(tempDir())) {
            if (!tempBefore.contains(p) && !targets.contains(p)) {
                targets.add(p);
            }
        }
        List<String> hits = new ArrayList<>();
        for (Path file : targets) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                continue; // vanished or unreadable (another process's temp file)
            }
            scanned[0]++;
            for (String marker : markers) {
                for (Charset cs : ENCODINGS) {
                    if (indexOf(content, marker.getBytes(cs)) >= 0) {
                        hits.add(file + ": " + marker + " (" + cs + ")");
                    }
                }
            }
        }
        return hits;
    }

    private static List<Path> files(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (IOException | UncheckedIOException e) {
            // Temp directories change under us while other tests run; take what could be listed.
            List<Path> out = new ArrayList<>();
            try (Stream<Path> s = Files.list(root)) {
                s.filter(Files::isRegularFile).forEach(out::add);
            } catch (IOException ignored) {
                // nothing listable
            }
            return out;
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
