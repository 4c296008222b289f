package org.tanik.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Looks for plaintext markers written to disk while a test runs. It watches the temp directory
 * (the build gives tests a folder of their own, target/test-tmp) and every folder below it from
 * {@link #watch} to {@link #findIn}:
 * <ul>
 * <li>every file under the given roots is scanned at the end;</li>
 * <li>every file created or changed meanwhile is read as soon as it is seen, so a file written
 * and deleted again (an atomic-write temp, a staged payload) is scanned too;</li>
 * <li>a file created outside the roots is a hit by itself: Tanik writes no temp file.</li>
 * </ul>
 * Each marker is searched as UTF-8, UTF-16LE and UTF-16BE bytes. A folder or file that cannot be
 * read fails the scan: a scanner that silently scans less would pass for the wrong reason.
 */
public final class LeakScanner {

    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);
    private final List<String> markers;
    private final WatchService watch;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Set<Path> created = Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<String> hits = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final Thread watcher;
    private final Path sentinel = tempDir().resolve(".leak-scanner-" + UUID.randomUUID());
    private final CountDownLatch sentinelSeen = new CountDownLatch(1);
    private volatile int readOnTheFly;

    private LeakScanner(List<String> markers) throws IOException {
        this.markers = List.copyOf(markers);
        if (this.markers.isEmpty()) {
            throw new IllegalArgumentException("no markers to look for");
        }
        this.watch = FileSystems.getDefault().newWatchService();
        registerTree(tempDir(), false);
        this.watcher = new Thread(this::watchLoop, "leak-scanner");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Starts watching the temp directory for the given markers. */
    public static LeakScanner watch(List<String> markers) {
        try {
            return new LeakScanner(markers);
        } catch (IOException e) {
            throw new AssertionError("cannot watch " + tempDir(), e);
        }
    }

    public static Path tempDir() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    }

    /**
     * Stops watching and returns "file: marker (encoding)" for every hit, plus every file created
     * outside the roots. {@code scanned[0]} receives the number of file reads made.
     */
    public List<String> findIn(List<Path> roots, int[] scanned) {
        stop();
        List<Path> absRoots = roots.stream().map(Path::toAbsolutePath).toList();
        if (!problems.isEmpty()) {
            throw new AssertionError("leak scan incomplete: " + problems);
        }
        List<String> out = new ArrayList<>(new LinkedHashSet<>(hits)); // a file read at each event hits each time
        synchronized (created) {
            for (Path p : created) {
                if (absRoots.stream().noneMatch(p::startsWith)) {
                    out.add(p + ": file created outside " + absRoots + " (a temporary file?)");
                }
            }
        }
        scanned[0] = readOnTheFly;
        for (Path root : absRoots) {
            for (Path file : files(root)) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new AssertionError("cannot read " + file + " to scan it", e);
                }
                scanned[0]++;
                search(file, content, out);
            }
        }
        return out;
    }

    /** Hits the watcher has found so far, for the scanner's own test. */
    int hitsSoFar() {
        return hits.size();
    }

    /**
     * Ends the watch once every event so far was taken: events of one watch service arrive in
     * order, so once the watcher sees a sentinel file created now, it has seen all before it.
     */
    private void stop() {
        try {
            Files.createFile(sentinel);
            Files.delete(sentinel);
            if (!sentinelSeen.await(2, TimeUnit.MINUTES)) {
                problems.add("the watcher never caught up with the file events");
            }
            watch.close();
            watcher.join();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot stop the leak watcher", e);
        }
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watch.take();
                Path folder = folders.get(key);
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                        problems.add("file events lost (overflow) in " + folder);
                        continue;
                    }
                    Path p = folder.resolve((Path) e.context());
                    if (p.equals(sentinel)) {
                        sentinelSeen.countDown();
                        continue;
                    }
                    if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                        if (Files.isDirectory(p)) {
                            registerTree(p, true);
                            continue;
                        }
                        created.add(p);
                    }
                    if (e.kind() != StandardWatchEventKinds.ENTRY_DELETE && !Files.isDirectory(p)) {
                        readNow(p);
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopped
        } catch (IOException | RuntimeException e) {
            problems.add("watcher failed: " + e);
        }
    }

    /** Registers a folder and those below it; files already in a new folder count as created. */
    private void registerTree(Path root, boolean isNew) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                walkAndRegister(root, isNew);
                return;
            } catch (NoSuchFileException e) {
                if (Files.exists(root) && attempt < 5) {
                    // A file inside vanished while the walk passed it (an atomic write's staging file,
                    // renamed into place): walk again, which reads what it became.
                    continue;
                }
                // a folder created and removed before we saw it: its files were seen as events or not at all
                if (!isNew) {
                    throw e;
                }
                problems.add("folder vanished before it could be watched: " + root);
                return;
            }
        }
    }

    private void walkAndRegister(Path root, boolean isNew) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p)) {
                    folders.put(p.register(watch, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), p);
                } else if (isNew) {
                    created.add(p);
                    readNow(p);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void readNow(Path p) {
        try {
            byte[] content = Files.readAllBytes(p);
            readOnTheFly++;
            search(p, content, hits);
        } catch (NoSuchFileException e) {
            // gone already (renamed or deleted); its creation was recorded
        } catch (IOException e) {
            problems.add("cannot read " + p + ": " + e);
        }
    }

    private void search(Path file, byte[] content, List<String> out) {
        for (String marker : markers) {
            for (Charset cs : ENCODINGS) {
                if (indexOf(content, marker.getBytes(cs)) >= 0) {
                    out.add(file + ": " + marker + " (" + cs + ")");
                }
            }
        }
    }

    /** Every regular file under root; fails if any folder cannot be listed. */
    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            throw new AssertionError("scan root is not a folder: " + root);
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new AssertionError("cannot list every file under " + root, e);
        }
    }

    /** Where {@code needle} first stands in {@code haystack}, or -1. */
    public static int indexOf(byte[] haystack, byte[] needle) {
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
