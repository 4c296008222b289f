package org.tanik.coordinator.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.coordinator.AuditText;
import org.tanik.coordinator.AuditTrail;
import org.tanik.coordinator.CoordinatorDesk;
import org.tanik.coordinator.search.SearchQuery;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.testing.ReportArchive;
import org.tanik.work.Progress;

/**
 * The export flow of {@link ReportDesk} with a fake writer: selection (ids and filters), the file
 * written atomically and owner-only with its SHA-256, one audit entry without content or path,
 * progress per testimony, cancel and failure leaving the target as it was and no temporary file,
 * device labels only at the full level, no export inside the vault folder.
 */
class ReportDeskTest {

    @TempDir
    static Path archiveRoot;

    @TempDir
    Path temp;

    /** This test's own folder. */
    Path out;

    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    static ReportArchive.Ids ids;
    Path orgCopy;
    OpenVault vault;
    CoordinatorDesk desk;
    /** What the fake writer saw of the last export. */
    final List<ReportContext> contexts = new ArrayList<>();
    /** The fake writer fails with an IOException after this many testimonies (never when negative). */
    int failAfter = -1;

    @BeforeAll
    static void archive() throws Exception {
        ids = ReportArchive.build(archiveRoot, clock, 6);
    }

    @BeforeEach
    void open() throws IOException {
        // Each test works on its own copy: exports add audit entries.
        out = Files.createDirectories(temp.resolve(java.util.UUID.randomUUID().toString()));
        orgCopy = temp.resolve("vault-" + out.getFileName());
        copyTree(archiveRoot.resolve("org"), orgCopy);
        vault = new OpenVault(new org.tanik.store.Vaults(org.tanik.crypto.Argon2Params.TESTING, clock)
                .open(orgCopy, Organisations.PASS));
        desk = new CoordinatorDesk(vault, Vocabulary.load(), clock);
        failAfter = -1;
        contexts.clear();
    }

    @AfterEach
    void lock() {
        vault.close();
    }

    ReportDesk reports() {
        return new ReportDesk(vault, desk, clock, new ReportDesk.Writers() {
            @Override
            public ExportWriter export(ExportFormat format) {
                return (source, o) -> {
                    contexts.add(source.context());
                    if (format == ExportFormat.JSON) {
                        // As the JSON writer does: a first pass for the testimonies, a second for the acts.
                        source.testimonies().forEach(t -> { });
                    }
                    int n = 0;
                    for (ArchivedTestimony t : source.testimonies()) {
                        if (n++ == failAfter) {
                            throw new IOException("disk went away");
                        }
                        String id = t.versions().get(0).testimony().id();
                        o.write((id + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                };
            }

            @Override
            public StatisticsWriter statistics(boolean pdf) {
                return (context, stats, o) -> {
                    contexts.add(context);
                    o.write((pdf + " " + stats.acts() + "\n").getBytes(StandardCharsets.UTF_8));
                };
            }
        });
    }

    ExportRequest request(RedactionLevel level, SearchQuery filters, List<String> ids, Path file) {
        return new ExportRequest(ExportFormat.CSV, level, filters, ids, TableRows.ACTS, file, Locale.ENGLISH);
    }

    /** An existing file is refused unless the person was asked (the desktop's file window asks). */
    @Test
    void anExistingFileIsReplacedOnlyWhenTheRequestSaysSo() throws Exception {
        Path file = Files.writeString(out.resolve("exists.csv"), "older work");
        TanikException refused = catchThrowableOfType(() -> reports().export(
                request(RedactionLevel.CONFIDENTIAL, SearchQuery.all(), List.of(), file), Progress.none()),
                TanikException.class);
        assertThat(refused.problem()).isEqualTo(Problem.FILE_EXISTS);
        assertThat(Files.readString(file)).isEqualTo("older work");
        Path report = Files.writeString(out.resolve("exists.pdf"), "older report");
        TanikException statistics = catchThrowableOfType(() -> reports().statistics(
                new StatisticsRequest(SearchQuery.all(), null, null, report, Locale.ENGLISH), Progress.none()),
                TanikException.class);
        assertThat(statistics.problem()).isEqualTo(Problem.FILE_EXISTS);
        assertThat(Files.readString(out.resolve("exists.pdf"))).isEqualTo("older report");
        try (var left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("exists.csv", "exists.pdf");
        }

        ExportRequest asked = new ExportRequest(ExportFormat.CSV, RedactionLevel.CONFIDENTIAL, SearchQuery.all(),
                List.of(), TableRows.ACTS, file, Locale.ENGLISH, true);
        ExportResult r = reports().export(asked, Progress.none());
        assertThat(Files.readString(file)).isNotEqualTo("older work");
        assertThat(r.file()).isEqualTo(file);
    }

    @Test
    void theSearchedTextIsOnTheCoverOfAFullExportOnlyAndChosenTestimoniesAreCounted() {
        // A search for a name must not print the name on an anonymised file's cover.
        SearchQuery byName = SearchQuery.all().withText("Zehra Kaplanoğlu");
        reports().export(request(RedactionLevel.ANONYMISED, byName, List.of(), out.resolve("a.csv")), Progress.none());
        reports().statistics(new StatisticsRequest(byName, null, null, out.resolve("s.csv"), Locale.ENGLISH),
                Progress.none());
        reports().export(request(RedactionLevel.FULL, byName, List.of(), out.resolve("f.csv")), Progress.none());
        reports().export(request(RedactionLevel.CONFIDENTIAL, SearchQuery.all(), ids.reports().subList(0, 1),
                out.resolve("one.csv")), Progress.none());
        assertThat(contexts).extracting(ReportContext::filters)
                .containsExactly("text", "text", "text=Zehra Kaplanoğlu", "chosen=1");
    }

    @Test
    void anExportWritesTheSelectionOwnerOnlyWithItsShaAndOneAuditEntryWithoutContentOrPath() throws Exception {
        Path file = out.resolve("Ayşe-export.csv");
        List<String> steps = new ArrayList<>();
        int entriesBefore = desk.auditEntries().size();
        ExportResult r = reports().export(request(RedactionLevel.CONFIDENTIAL, SearchQuery.all(), List.of(), file),
                Progress.of((done, total, id) -> steps.add(done + "/" + total + " " + id), () -> false));

        assertThat(r.cancelled()).isFalse();
        assertThat(r.file()).isEqualTo(file);
        byte[] written = Files.readAllBytes(file);
        List<String> exported = List.of(new String(written, StandardCharsets.UTF_8).split("\n"));
        // Consent: documentation alone, or no record at all, keeps a testimony out of a confidential export, and says so.
        List<String> expectedLeftOut = new ArrayList<>(ids.documentationOnly());
        expectedLeftOut.add(ids.noConsent());
        assertThat(r.leftOutByConsent()).containsExactlyInAnyOrderElementsOf(expectedLeftOut);
        assertThat(exported).containsExactlyInAnyOrderElementsOf(ids.reports());
        assertThat(r.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(written)));
        assertThat(r.bytes()).isEqualTo(written.length);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // One step per testimony, in order.
        assertThat(steps).hasSize(r.testimonies()).startsWith("1/" + r.testimonies() + " " + exported.get(0));
        assertThat(r.acts()).isGreaterThan(r.testimonies());

        List<AuditTrail.Entry> entries = desk.auditEntries();
        assertThat(entries).hasSize(entriesBefore + 1);
        AuditTrail.Entry e = entries.get(entries.size() - 1);
        assertThat(e.action()).isEqualTo("export");
        String detail = new AuditText(Locale.ENGLISH).detail(e);
        assertThat(detail).contains("csv", "confidential", "acts", r.sha256(), " " + r.testimonies() + " testimonies");
        assertThat(detail + e.subject()).doesNotContain(file.toString(), "Ayşe", ReportArchive.MARKED_TITLE,
                out.toString());
        assertThat(desk.verifyAudit().intact()).isTrue();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aWriterThatReadsTheTestimoniesTwiceCountsEachOnceInProgressAndActs() {
        List<String> steps = new ArrayList<>();
        ExportResult r = reports().export(new ExportRequest(ExportFormat.JSON, RedactionLevel.CONFIDENTIAL,
                SearchQuery.all(), List.of(), TableRows.ACTS, out.resolve("x.json"), Locale.ENGLISH),
                Progress.of((done, total, id) -> steps.add(id), () -> false));
        int acts = reports().list(SearchQuery.all()).stream().filter(i -> ids.reports().contains(i.id()))
                .mapToInt(i -> i.acts().size()).sum();
        assertThat(r.testimonies()).isEqualTo(ids.reports().size());
        assertThat(steps).containsExactlyInAnyOrderElementsOf(ids.reports());
        assertThat(r.acts()).isEqualTo(acts);
    }

    @Test
    void loadingManyAtOnceGivesWhatLoadingEachGivesInTheOrderAsked() {
        List<String> some = new ArrayList<>(reports().list(SearchQuery.all()).stream().map(ArchiveItem::id).toList());
        java.util.Collections.reverse(some);
        some.add(1, "no-such-id");
        List<ArchivedTestimony> each = some.stream().filter(id -> !id.equals("no-such-id")).map(desk::testimony).toList();
        assertThat(desk.testimonies(some)).isEqualTo(each).hasSize(ids.all().size());
        assertThat(each.get(0).versions().get(0).provenance()).isNotNull();
    }

    @Test
    void idsAreIntersectedWithTheFilters() throws Exception {
        ReportDesk reports = reports();
        List<ArchiveItem> all = reports.list(SearchQuery.all());
        assertThat(all).hasSize(ids.all().size());
        String province = "35";
        List<String> inIzmir = all.stream().filter(i -> i.provinces().contains(province)).map(ArchiveItem::id).toList();
        List<String> notInIzmir = all.stream().filter(i -> !i.provinces().contains(province)).map(ArchiveItem::id).toList();
        assertThat(inIzmir).contains(ids.marked());
        assertThat(notInIzmir).isNotEmpty();

        Path file = out.resolve("izmir.csv");
        ExportResult r = reports.export(request(RedactionLevel.FULL, SearchQuery.all().withProvince(province),
                List.of(ids.marked(), notInIzmir.get(0)), file), Progress.none());
        assertThat(Files.readAllLines(file)).containsExactly(ids.marked());
        assertThat(r.testimonies()).isEqualTo(1);

        TanikException unknown = catchThrowableOfType(() -> reports.export(request(RedactionLevel.FULL, SearchQuery.all(),
                List.of("no-such-id"), out.resolve("none.csv")), Progress.none()), TanikException.class);
        assertThat(unknown.problem()).isEqualTo(Problem.TESTIMONY_NOT_FOUND);
        assertThat(out.resolve("none.csv")).doesNotExist();
    }

    @Test
    void cancellingLeavesTheTargetAsItWasAndNoTemporaryFileNorAuditEntry() throws Exception {
        Path file = Files.writeString(out.resolve("report.csv"), "what was there before");
        int entriesBefore = desk.auditEntries().size();
        int[] steps = {0};
        ExportResult r = reports().export(request(RedactionLevel.FULL, SearchQuery.all(), List.of(), file),
                Progress.of((done, total, id) -> steps[0] = done, () -> steps[0] >= 2));
        assertThat(r.cancelled()).isTrue();
        assertThat(steps[0]).isEqualTo(2);
        assertThat(Files.readString(file)).isEqualTo("what was there before");
        assertThat(leftovers()).isEmpty();
        assertThat(desk.auditEntries()).hasSize(entriesBefore);

        // Cancelled after the last step, before the rename: still nothing.
        Path fresh = out.resolve("fresh.csv");
        int[] last = {0};
        ExportResult late = reports().export(request(RedactionLevel.FULL, SearchQuery.all(), List.of(), fresh),
                Progress.of((done, total, id) -> last[0] = done == total ? 1 : 0, () -> last[0] == 1));
        assertThat(late.cancelled()).isTrue();
        assertThat(fresh).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFailingWriteLeavesTheTargetAsItWasAndNoTemporaryFile() throws Exception {
        Path file = Files.writeString(out.resolve("report.csv"), "what was there before");
        failAfter = 3;
        TanikException failed = catchThrowableOfType(() -> reports().export(
                request(RedactionLevel.FULL, SearchQuery.all(), List.of(), file), Progress.none()), TanikException.class);
        assertThat(failed.problem()).isEqualTo(Problem.IO_FAILURE);
        assertThat(Files.readString(file)).isEqualTo("what was there before");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anExportInsideTheVaultFolderIsRefused() {
        Path link;
        try {
            link = Files.createSymbolicLink(out.resolve("link"), orgCopy);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (Path inside : List.of(orgCopy.resolve("export.csv"), orgCopy.resolve("sub/../export.csv"),
                vault.directory().resolve("x.csv"), link.resolve("x.csv"), link.resolve("new/x.csv"))) {
            TanikException refused = catchThrowableOfType(() -> reports().export(
                    request(RedactionLevel.FULL, SearchQuery.all(), List.of(), inside), Progress.none()), TanikException.class);
            assertThat(refused.problem()).as(inside.toString()).isEqualTo(Problem.EXPORT_INSIDE_VAULT);
            assertThat(inside).doesNotExist();
        }
        TanikException stats = catchThrowableOfType(() -> reports().statistics(new StatisticsRequest(SearchQuery.all(),
                null, null, orgCopy.resolve("s.csv"), Locale.ENGLISH), Progress.none()), TanikException.class);
        assertThat(stats.problem()).isEqualTo(Problem.EXPORT_INSIDE_VAULT);
    }

    @Test
    void deviceLabelsTheOrganisationAndTheAuditHeadReachTheWriterLabelsOnlyAtFull() {
        String head = desk.verifyAudit().head();
        for (RedactionLevel level : RedactionLevel.values()) {
            reports().export(request(level, SearchQuery.all(), List.of(), out.resolve(level.code() + ".csv")),
                    Progress.none());
        }
        assertThat(contexts).hasSize(3);
        assertThat(contexts.get(0).deviceLabels()).containsValue(ReportArchive.LABEL);
        assertThat(contexts.get(1).deviceLabels()).isEmpty();
        assertThat(contexts.get(2).deviceLabels()).isEmpty();
        assertThat(contexts).allSatisfy(c -> {
            assertThat(c.organisation()).isEqualTo(ReportArchive.ORGANISATION);
            assertThat(c.producedAt()).isEqualTo(clock.instant());
            assertThat(c.rows()).isEqualTo(TableRows.ACTS);
        });
        assertThat(contexts.get(0).auditHead()).isEqualTo(head);
    }

    @Test
    void aStatisticsReportIsPdfOrCsvByItsNameAndAudited() throws Exception {
        ReportDesk reports = reports();
        TanikException txt = catchThrowableOfType(() -> reports.statistics(new StatisticsRequest(SearchQuery.all(), null,
                null, out.resolve("stats.txt"), Locale.ENGLISH), Progress.none()), TanikException.class);
        assertThat(txt.problem()).isEqualTo(Problem.REPORT_EXTENSION);
        assertThat(out.resolve("stats.txt")).doesNotExist();

        ExportResult csv = reports.statistics(new StatisticsRequest(SearchQuery.all(), null, null, out.resolve("stats.CSV"),
                Locale.ENGLISH), Progress.none());
        ExportResult pdf = reports.statistics(new StatisticsRequest(SearchQuery.all(), null, null, out.resolve("stats.pdf"),
                Locale.ENGLISH), Progress.none());
        assertThat(Files.readString(csv.file())).startsWith("false ");
        assertThat(Files.readString(pdf.file())).startsWith("true ");
        AuditTrail.Entry last = desk.auditEntries().get(desk.auditEntries().size() - 1);
        assertThat(last.action()).isEqualTo("report");
        assertThat(new AuditText(Locale.ENGLISH).detail(last)).contains("pdf", pdf.sha256());
    }

    /** Temporary files the export may have left beside its target. */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("vault.lock")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
