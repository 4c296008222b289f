package org.tanik.coordinator.reports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.coordinator.CoordinatorDesk;
import org.tanik.coordinator.reports.pdf.DossierPdfWriter;
import org.tanik.coordinator.reports.pdf.StatisticsPdfWriter;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.coordinator.search.SearchQuery;
import org.tanik.coordinator.search.Statistics;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.model.Device;
import org.tanik.model.Incident;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.store.coordinator.AuditDetail;
import org.tanik.store.coordinator.CoordinatorStores;
import org.tanik.work.Progress;
import org.tanik.files.CountingOutputStream;

/**
 * What leaves the archive: listing and reading it, exports at a redaction level, statistics
 * reports. The one place that selects, applies the consent rule, redacts, writes atomically and
 * records the export in the audit log, for the command line and the desktop alike. Reached as
 * {@link CoordinatorDesk#reports()}.
 *
 * <p>An export is the one place where testimony text leaves the vault as plaintext, deliberately, to
 * a file the person named: so it is written owner-only, never inside the vault folder, and never
 * left half written: a temporary sibling is synced and renamed into place, and deleted on cancel or
 * failure, so the target is either the whole new file or what it was before.
 */
public final class ReportDesk {

    /** The writer for each kind of file: the real ones, or a test's. */
    public interface Writers {
        ExportWriter export(ExportFormat format);

        /** The statistics writer for a file ending in .pdf ({@code pdf}) or .csv. */
        StatisticsWriter statistics(boolean pdf);
    }

    /** The real writers: PDF dossiers and statistics, tabular CSV and JSON, statistics CSV. */
    public static Writers writers(Vocabulary vocabulary) {
        return new Writers() {
            @Override
            public ExportWriter export(ExportFormat format) {
                return switch (format) {
                    case PDF -> new DossierPdfWriter(vocabulary);
                    case CSV -> new TabularCsvWriter();
                    case JSON -> new TabularJsonWriter();
                };
            }

            @Override
            public StatisticsWriter statistics(boolean pdf) {
                return pdf ? new StatisticsPdfWriter(vocabulary) : new StatisticsCsvWriter();
            }
        };
    }

    /** How many testimonies an export loads at once: each bundle is read once per batch. */
    static final int BATCH = 256;

    private final OpenVault vault;
    private final CoordinatorDesk desk;
    private final Clock clock;
    private final Writers writers;

    /** For {@link CoordinatorDesk#reports()}; faces reach this desk there. */
    public ReportDesk(OpenVault vault, CoordinatorDesk desk, Clock clock, Writers writers) {
        this.vault = vault;
        this.desk = desk;
        this.clock = clock;
        this.writers = writers;
    }

    /** The same search the archive view uses, in the archive's order. */
    public List<ArchiveItem> list(SearchQuery q) {
        return index().search(q);
    }

    /** Every version of one testimony, with provenance and review history; TESTIMONY_NOT_FOUND for an unknown id. */
    public ArchivedTestimony show(String id) {
        ArchivedTestimony t = desk.testimony(id);
        if (t.versions().isEmpty()) {
            throw new TanikException(Problem.TESTIMONY_NOT_FOUND, id);
        }
        return t;
    }

    /**
     * Writes an export: the testimonies matching the filters (and among the ids, when ids are given)
     * whose consent allows this level, redacted, in the request's format. One progress step per
     * testimony; cancelling stops between testimonies, and nothing is written. The ids left out by
     * their consent are in the result. Recorded in the audit log (never content, never the path).
     */
    public ExportResult export(ExportRequest request, Progress<String> progress) {
        Path target = checkTarget(request.out());
        Organisation org = Organisation.require(vault.store());
        List<ArchiveItem> selected = select(request.filters(), request.ids());
        List<String> allowed = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (ArchiveItem item : selected) {
            (ExportConsent.allows(item, request.level()) ? allowed : leftOut).add(item.id());
        }
        TableRows rows = request.rows() == null ? TableRows.ACTS : request.rows();
        ReportContext context = context(org, request.level(), request.filters(), request.ids().size(), rows,
                request.locale());
        // One per export: a victim's pseudonym stays the same across the testimonies of one file.
        Redaction redaction = Redaction.of(request.level());
        int[] acts = {0};
        // A writer may read the testimonies more than once (the JSON writer: testimonies, then acts);
        // each is counted, and reported as a step, on its first reading only.
        int[] firstPass = {0};
        Iterable<ArchivedTestimony> testimonies = () -> new Iterator<>() {
            int next;
            /** The loaded batch, from {@code batchStart} on: each bundle read once per batch, memory bounded. */
            List<ArchivedTestimony> batch = List.of();
            int batchStart;

            @Override
            public boolean hasNext() {
                return next < allowed.size();
            }

            @Override
            public ArchivedTestimony next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (progress.cancelled()) {
                    throw new ExportCancelledException();
                }
                String id = allowed.get(next);
                if (next >= batchStart + batch.size()) {
                    batchStart = next;
                    batch = desk.testimonies(allowed.subList(next, Math.min(allowed.size(), next + BATCH)));
                }
                ArchivedTestimony loaded = batch.get(next - batchStart);
                if (!loaded.versions().get(0).testimony().id().equals(id)) {
                    throw new IllegalStateException("testimony left the archive during the export");
                }
                ArchivedTestimony t = redaction.apply(loaded);
                next++;
                if (next > firstPass[0]) {
                    firstPass[0] = next;
                    acts[0] += acts(t);
                    progress.advanced(next, allowed.size(), id);
                }
                return t;
            }
        };
        ExportSource source = new ExportSource(context, allowed.size(), testimonies);
        ExportWriter writer = writers.export(request.format());
        Written written = write(target, request.replace(), out -> writer.write(source, out), progress);
        if (written == null) {
            return new ExportResult(null, "", 0, 0, 0, leftOut, true);
        }
        auditOrRemove(target, "export", org, AuditDetail.of("audit.detail.export", request.format().code(), request.level().code(),
                orNone(filterSummary(request.filters(), false)), rows.code(), allowed.size(), acts[0], leftOut.size(),
                written.sha256()));
        return new ExportResult(target, written.sha256(), written.bytes(), allowed.size(), acts[0], leftOut, false);
    }

    /**
     * Writes a statistics report, PDF or CSV by the extension of the request's file: counts of the
     * documented acts of the testimonies matching the filters whose consent allows statistics, in
     * the request's period. Recorded in the audit log.
     */
    public ExportResult statistics(StatisticsRequest request, Progress<String> progress) {
        Path target = checkTarget(request.out());
        String name = String.valueOf(target.getFileName()).toLowerCase(Locale.ROOT);
        if (!name.endsWith(".pdf") && !name.endsWith(".csv")) {
            throw new TanikException(Problem.REPORT_EXTENSION, String.valueOf(target.getFileName()));
        }
        boolean pdf = name.endsWith(".pdf");
        Organisation org = Organisation.require(vault.store());
        List<ArchiveItem> counted = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (ArchiveItem item : select(request.filters(), List.of())) {
            if (ExportConsent.allowsStatistics(item)) {
                counted.add(item);
            } else {
                leftOut.add(item.id());
            }
        }
        Statistics stats = Statistics.of(counted, request.from(), request.to());
        // Counts name nobody: the level printed is the one that keeps the least.
        ReportContext context = context(org, RedactionLevel.ANONYMISED, request.filters(), 0, TableRows.ACTS,
                request.locale());
        StatisticsWriter writer = writers.statistics(pdf);
        progress.advanced(1, 1, "");
        Written written = write(target, request.replace(), out -> writer.write(context, stats, out), progress);
        if (written == null) {
            return new ExportResult(null, "", 0, 0, 0, leftOut, true);
        }
        auditOrRemove(target, "report", org, AuditDetail.of("audit.detail.report", pdf ? "pdf" : "csv",
                orNone(filterSummary(request.filters(), false)), period(request.from(), request.to()), counted.size(),
                stats.acts(), leftOut.size(), written.sha256()));
        return new ExportResult(target, written.sha256(), written.bytes(), counted.size(), stats.acts(), leftOut, false);
    }

    /** Where the file will be written, as the confirmation shows it: absolute and normalised. */
    public String targetDescription(Path out) {
        return describeTarget(out);
    }

    /** {@link #targetDescription} before a vault is open (the command line asks before the passphrase). */
    public static String describeTarget(Path out) {
        return out.toAbsolutePath().normalize().toString();
    }

    // --- selection -------------------------------------------------------------------------------

    private SearchIndex index() {
        SearchIndex index = desk.index();
        return index != null ? index : desk.loadIndex();
    }

    /** The matches of the filters, kept to the ids when ids are given; an id the archive lacks is refused. */
    private List<ArchiveItem> select(SearchQuery filters, List<String> ids) {
        List<ArchiveItem> matches = index().search(filters == null ? SearchQuery.all() : filters);
        if (ids == null || ids.isEmpty()) {
            return matches;
        }
        Set<String> wanted = new LinkedHashSet<>(ids);
        for (String id : wanted) {
            if (index().indexedVersion(id) == 0) {
                throw new TanikException(Problem.TESTIMONY_NOT_FOUND, id);
            }
        }
        return matches.stream().filter(i -> wanted.contains(i.id())).toList();
    }

    private static int acts(ArchivedTestimony t) {
        int n = 0;
        for (Incident i : t.versions().get(t.versions().size() - 1).testimony().content().incidents()) {
            n += i.acts().size();
        }
        return n;
    }

    private ReportContext context(Organisation org, RedactionLevel level, SearchQuery filters, int chosen,
                                  TableRows rows, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (level == RedactionLevel.FULL) {
            // A label may name the volunteer who holds the device: only the organisation's lawyers see it.
            for (Device d : desk.volunteers()) {
                labels.put(d.fingerprint(), d.label());
            }
        }
        // The searched text may be a person's name: only a full export prints it on its cover.
        String summary = filterSummary(filters, level == RedactionLevel.FULL);
        if (chosen > 0) {
            summary = (summary + " chosen=" + chosen).strip();
        }
        return new ReportContext(org.name(), clock.instant(), level, summary,
                desk.verifyAudit().head(), labels, rows, locale == null ? Locale.ENGLISH : locale);
    }

    /**
     * The filters as one line of {@code name=value} words, the same in every language. The searched
     * text is left out of the audit log ({@code withText} false): it may be a person's name.
     */
    static String filterSummary(SearchQuery q, boolean withText) {
        if (q == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (q.text() != null && !q.text().isBlank()) {
            parts.add(withText ? "text=" + q.text().strip() : "text");
        }
        add(parts, "type", q.violationType());
        add(parts, "province", q.province());
        add(parts, "from", q.from());
        add(parts, "to", q.to());
        add(parts, "institution", q.institution());
        add(parts, "state", q.reviewState() == null ? null : q.reviewState().name().toLowerCase(Locale.ROOT));
        add(parts, "device", q.device());
        return String.join(" ", parts);
    }

    /** A mark for "no filters" that reads the same in every language. */
    private static String orNone(String s) {
        return s.isEmpty() ? "—" : s;
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parts.add(name + "=" + value);
        }
    }

    private static String period(LocalDate from, LocalDate to) {
        return (from == null ? "" : from.toString()) + ".." + (to == null ? "" : to.toString());
    }

    // --- the file ----------------------------------------------------------------------------------

    /** The target as written to, refused inside the vault folder (its plaintext would sit beside the ciphertext). */
    private Path checkTarget(Path out) {
        Path target = out.toAbsolutePath().normalize();
        Path vaultFolder = vault.vaultDirectory().toAbsolutePath().normalize();
        if (target.startsWith(vaultFolder) || realPath(target).startsWith(realPath(vaultFolder))) {
            throw new TanikException(Problem.EXPORT_INSIDE_VAULT);
        }
        return target;
    }

    /** The path with links resolved as far as they exist (a link to the vault folder is the vault folder). */
    private static Path realPath(Path p) {
        Path existing = p;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            rest = rest == null ? existing.getFileName() : existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest);
        } catch (IOException e) {
            return p;
        }
    }

    private record Written(String sha256, long bytes) {
    }

    /** What writes the file's content. */
    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the content to a temporary sibling (owner-only from its creation), syncs it and renames
     * it over the target; returns null when the person cancelled. On cancel or failure the temporary
     * file is deleted and the target is as it was. Unless {@code replace}, a file at the target is
     * refused, also one that appeared while the content was written (checked just before the rename:
     * the rename itself would replace it silently).
     */
    private static Written write(Path target, boolean replace, Content content, Progress<String> progress) {
        Path dir = target.getParent();
        // A short name of its own: the target's name may already be near the file system's limit.
        Path temp = dir.resolve(".tanik-export-" + UUID.randomUUID() + ".partial");
        try {
            Files.createDirectories(dir);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long bytes;
            try (FileChannel file = AtomicFiles.createOwnerOnly(temp)) {
                CountingOutputStream counted = new CountingOutputStream(Channels.newOutputStream(file));
                OutputStream out = new BufferedOutputStream(new DigestOutputStream(counted, sha), 1 << 16);
                content.writeTo(out);
                out.flush();
                file.force(true);
                bytes = counted.count();
            }
            if (progress.cancelled()) {
                return null; // asked after the last step: still before anything replaced the target
            }
            if (!replace && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new TanikException(Problem.FILE_EXISTS, String.valueOf(target.getFileName()));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.syncDirectory(dir);
            return new Written(HexFormat.of().formatHex(sha.digest()), bytes);
        } catch (ExportCancelledException e) {
            return null;
        } catch (IOException e) {
            throw AtomicFiles.failure(e, target);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Nothing more can be done now; the name starts with a dot and ends in .partial.
            }
        }
    }


    /**
     * Records the export; if that fails (the vault was locked meanwhile, the disk is full), the file
     * is removed again: no readable export without its audit entry.
     */
    private void auditOrRemove(Path target, String action, Organisation org, AuditDetail detail) {
        try {
            audit(action, org, detail);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // The failure below is what the person sees; the file's name is in it.
            }
            throw e;
        }
    }

    private void audit(String action, Organisation org, AuditDetail detail) {
        CoordinatorStores stores = vault.store().coordinator();
        stores.inTransaction(() -> stores.audit().append(action, org.fingerprint(), detail));
        // As at each import: signing the new head makes cutting this entry off noticeable.
        org.signAuditHead(stores.audit());
    }
}
