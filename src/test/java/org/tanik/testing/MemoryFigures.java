package org.tanik.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory figures benchmarks print: the heap live objects need, and what the JVM holds from the system. */
public final class MemoryFigures {

    private MemoryFigures() {
    }

    /** Heap in use after full collections, in MB: what the live objects need. */
    public static double heapUsedAfterGcMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }

    /** The -Xmx this JVM runs with, in MB. */
    public static double maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / 1e6;
    }

    /** Resident memory now and at its peak ("VmRSS 812345 kB, peak 901234 kB"), or "n/a" off Linux. */
    public static String rss() {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "n/a";
        }
        try {
            return "VmRSS " + field(status, "VmRSS") + ", peak " + field(status, "VmHWM");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(Path status, String name) throws IOException {
        return Files.readAllLines(status).stream().filter(l -> l.startsWith(name + ":")).findFirst()
                .map(l -> l.substring(name.length() + 1).trim().replaceAll("\\s+", " ")).orElse("n/a");
    }
}
