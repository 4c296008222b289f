package org.tanik.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.CoordinatorDesk;
import org.tanik.coordinator.reports.ExportFormat;
import org.tanik.coordinator.reports.ExportRequest;
import org.tanik.coordinator.reports.ExportResult;
import org.tanik.coordinator.reports.RedactionLevel;
import org.tanik.coordinator.reports.ReportDesk;
import org.tanik.coordinator.reports.StatisticsRequest;
import org.tanik.coordinator.reports.TableRows;
import org.tanik.coordinator.search.SearchQuery;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.crypto.age.X25519Recipient;
import org.tanik.enrolment.Organisation;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.testing.MemoryFigures;
import org.tanik.testing.Organisations;
import org.tanik.work.Progress;

/**
 * Prints what the issue-18 outputs cost on the 20,000-testimony archive of {@link CoordinatorBenchmark}
 * (its generator and import): a CSV of every act (target under 5 s), the statistics report as PDF
 * (under 3 s) and one case dossier PDF (under 1 s), each through {@link ReportDesk} as the faces call
 * it (selection, consent, redaction, atomic write, SHA-256, audit entry), with the peak heap of each.
 * The generated testimonies carry no consent record, so the exports are at the full level (a
 * testimony without one goes only into full exports and statistics). Figures only, no timed
 * assertions. Not part of the normal run: {@code mvn -B test -Dtest=ReportBenchmark
 * [-Dtanik.bench.testimonies=N] [-Dtanik.bench.rounds=R] [-Dtanik.test.heap=2g]}.
 */
class ReportBenchmark {

    /** Rounds of each measurement; the first is also printed (cold JIT), the best counts. */
    static final int ROUNDS = Integer.getInteger("tanik.bench.rounds", 3);

    @TempDir
    Path dir;

    @Test
    void exportsAndReports() throws Exception {
        Clock clock = Clock.systemUTC();
        Organisations orgs = new Organisations(dir.resolve("vaults"), clock).createOrganisation("Bench");
        CoordinatorBenchmark archive = new CoordinatorBenchmark();
        archive.dir = Files.createDirectories(dir.resolve("bundles"));
        X25519Identity identity;
        X25519Recipient recipient;
        try (VaultSession org = orgs.openOrg()) {
            identity = Organisation.require(org).identity();
            recipient = X25519Recipient.parse(Organisation.require(org).recipient());
        }
        List<Path> files = archive.makeBundles(recipient);
        long t = System.nanoTime();
        try (VaultSession org = orgs.openOrg()) {
            archive.importAll(org, identity, files, clock);
        } finally {
            identity.destroy();
        }
        System.out.printf("report-bench: archive of %d testimonies imported in %.1f s; JVM max heap %.0f MB, %d cores%n",
                CoordinatorBenchmark.BUNDLES * CoordinatorBenchmark.PER_BUNDLE, (System.nanoTime() - t) / 1e9,
                MemoryFigures.maxHeapMb(), Runtime.getRuntime().availableProcessors());

        Path out = Files.createDirectories(dir.resolve("out"));
        try (OpenVault vault = new OpenVault(orgs.openOrg())) {
            CoordinatorDesk desk = new CoordinatorDesk(vault, Vocabulary.load(), clock);
            long b = System.nanoTime();
            desk.loadIndex();
            System.out.printf("report-bench: search index built in %.1f s (the desktop has it already; the command "
                    + "line builds it once per command)%n", (System.nanoTime() - b) / 1e9);
            ReportDesk reports = desk.reports();
            List<ArchiveItem> all = reports.list(SearchQuery.all());
            String oneId = all.get(all.size() / 2).id();

            measure("CSV of every act (full level)", () -> reports.export(new ExportRequest(ExportFormat.CSV,
                    RedactionLevel.FULL, SearchQuery.all(), List.of(), TableRows.ACTS, out.resolve("all-acts.csv"),
                    Locale.ENGLISH), Progress.none()));
            measure("CSV of every testimony (full level)", () -> reports.export(new ExportRequest(ExportFormat.CSV,
                    RedactionLevel.FULL, SearchQuery.all(), List.of(), TableRows.TESTIMONIES,
                    out.resolve("all-testimonies.csv"), Locale.ENGLISH), Progress.none()));
            measure("statistics report PDF (whole archive)", () -> reports.statistics(new StatisticsRequest(
                    SearchQuery.all(), null, null, out.resolve("stats.pdf"), Locale.ENGLISH), Progress.none()));
            measure("one dossier PDF (full level)", () -> reports.export(new ExportRequest(ExportFormat.PDF,
                    RedactionLevel.FULL, SearchQuery.all(), List.of(oneId), TableRows.ACTS, out.resolve("dossier.pdf"),
                    Locale.ENGLISH), Progress.none()));
        }
    }

    /** Runs the work ROUNDS times; prints the first and the best time, the file, and the peak heap of the best. */
    private static void measure(String what, Supplier<ExportResult> work) {
        double first = 0;
        double best = Double.MAX_VALUE;
        double peak = 0;
        double before = 0;
        ExportResult result = null;
        for (int round = 1; round <= ROUNDS; round++) {
            double live = MemoryFigures.heapUsedAfterGcMb();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long t = System.nanoTime();
            result = work.get();
            double secs = (System.nanoTime() - t) / 1e9;
            double roundPeak = peakHeapMb();
            if (round == 1) {
                first = secs;
            }
            if (secs < best) {
                best = secs;
                peak = roundPeak;
                before = live;
            }
        }
        System.out.printf("report-bench: %s: best of %d %.2f s (first %.2f s); %d testimonies, %d acts, %.1f MB; "
                + "peak heap %.0f MB (live before %.0f MB)%n", what, ROUNDS, best, first, result.testimonies(),
                result.acts(), result.bytes() / 1e6, peak, before);
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound, garbage not yet collected included. */
    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1e6;
    }
}
