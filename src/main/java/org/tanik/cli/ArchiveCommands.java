package org.tanik.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tanik.coordinator.ArchiveItem;
import org.tanik.coordinator.ArchivedTestimony;
import org.tanik.coordinator.reports.ExportFormat;
import org.tanik.coordinator.reports.ExportRequest;
import org.tanik.coordinator.reports.ExportResult;
import org.tanik.coordinator.reports.RedactionLevel;
import org.tanik.coordinator.reports.ReportDesk;
import org.tanik.coordinator.reports.StatisticsRequest;
import org.tanik.coordinator.reports.TableRows;
import org.tanik.coordinator.search.SearchQuery;
import org.tanik.coordinator.search.TextFold;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Json;
import org.tanik.model.Provenance;
import org.tanik.model.ReviewState;
import org.tanik.model.Term;
import org.tanik.model.json.TestimonyCodec;
import org.tanik.session.OpenVault;
import org.tanik.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The coordinator's archive on the command line: list, search, show, export, and the statistics
 * report, through the same use cases as the desktop ({@link ReportDesk}). {@code --json} prints
 * JSON only on standard output; everything else a person reads goes to standard error.
 */
final class ArchiveCommands {
    private ArchiveCommands() {
    }

    /** The archive view's filters but the dates (which the statistics report uses as its period). */
    static final class Filters {
        @Option(names = "--type", paramLabel = "CODE", descriptionKey = "archives.filter.type")
        String type;

        @Option(names = "--province", paramLabel = "NAME", descriptionKey = "archives.filter.province")
        String province;

        @Option(names = "--state", paramLabel = "STATE", descriptionKey = "archives.filter.state")
        String state;

        @Option(names = "--device", paramLabel = "FP", descriptionKey = "archives.filter.device")
        String device;

        /** The query these options make, with the dates given (null for none). */
        SearchQuery query(CommandContext ctx, LocalDate from, LocalDate to) {
            return new SearchQuery(null, blankToNull(type), provinceCode(ctx, province), from, to, null,
                    reviewState(ctx, state), deviceId(device));
        }
    }

    /** The period of acts: on list and export a filter, on the statistics report the period counted. */
    static final class Dates {
        @Option(names = "--from", paramLabel = "DATE", descriptionKey = "archives.filter.from")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", descriptionKey = "archives.filter.to")
        LocalDate to;
    }

    /**
     * A device as the archive records it (four groups of five digits) from its fingerprint as compared
     * by phone (six groups, spaces or dashes optional) or its id; anything else is looked for as typed.
     */
    static String deviceId(String typed) {
        String given = blankToNull(typed);
        if (given == null) {
            return null;
        }
        String digits = given.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{30}|\\d{20}")) {
            return given;
        }
        return digits.substring(0, 5) + " " + digits.substring(5, 10) + " " + digits.substring(10, 15) + " "
                + digits.substring(15, 20);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A province by its code ("35") or its name in any language, folded as search folds ("izmir" is İzmir). */
    static String provinceCode(CommandContext ctx, String name) {
        String given = blankToNull(name);
        if (given == null) {
            return null;
        }
        String folded = TextFold.foldReference(given);
        for (Term t : ctx.services.vocabulary().provinces()) {
            if (t.code().equals(given) || labels(t.labels().values()).contains(folded)) {
                return t.code();
            }
        }
        throw new TanikException(Problem.INVALID_INPUT, ctx.text("cli.invalid.province", given));
    }

    private static List<String> labels(Collection<String> labels) {
        return labels.stream().map(TextFold::foldReference).toList();
    }

    /** A review state as {@code archive list} prints it: new, needs-follow-up, verified, rejected, duplicate. */
    static String stateCode(ReviewState s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static ReviewState reviewState(CommandContext ctx, String code) {
        String given = blankToNull(code);
        if (given == null) {
            return null;
        }
        for (ReviewState s : ReviewState.values()) {
            if (stateCode(s).equals(given.toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return s;
            }
        }
        throw new TanikException(Problem.INVALID_INPUT, ctx.text("cli.invalid.reviewState", given));
    }

    /** The list as text (one line per testimony) or as a JSON array. */
    static void printList(CommandContext ctx, List<ArchiveItem> items, boolean json) throws Exception {
        PrintWriter out = ctx.terminal.out();
        if (json) {
            ObjectMapper mapper = Json.mapper();
            ArrayNode array = mapper.createArrayNode();
            for (ArchiveItem i : items) {
                ObjectNode o = array.addObject();
                o.put("id", i.id());
                o.put("version", i.version());
                o.put("title", i.title());
                o.put("interviewDate", i.interviewDate() == null ? null : i.interviewDate().toString());
                o.put("device", i.device());
                o.put("reviewState", stateCode(i.reviewState()));
                i.violationTypes().stream().sorted().forEach(o.putArray("violationTypes")::add);
                i.provinces().stream().sorted().forEach(o.putArray("provinces")::add);
                i.institutions().stream().sorted().forEach(o.putArray("institutions")::add);
                o.put("acts", i.acts().size());
                o.put("updatedAt", i.updatedAt().toString());
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return;
        }
        out.printf("%-36s  %-3s  %-10s  %-15s  %s%n", (Object[]) ctx.text("cli.archive.columns").split("\\|"));
        for (ArchiveItem i : items) {
            out.printf("%-36s  %-3d  %-10s  %-15s  %s%n", i.id(), i.version(),
                    i.interviewDate() == null ? "-" : i.interviewDate(), stateCode(i.reviewState()),
                    Terminal.oneLine(i.title()));
        }
        ctx.terminal.err().println(ctx.text("cli.archive.count", items.size()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListArchive implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Mixin
        Filters filters;

        @Mixin
        Dates dates;

        @Option(names = "--json", descriptionKey = "archives.list.json")
        boolean json;

        private final CommandContext ctx;

        ListArchive(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            SearchQuery q = filters.query(ctx, dates.from, dates.to);
            printList(ctx, ctx.withVault(options, vault -> ctx.desk(vault).reports().list(q)), json);
            return 0;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true)
    static final class Search implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Parameters(paramLabel = "TEXT", arity = "1..*", descriptionKey = "archives.search.text")
        List<String> words;

        @Mixin
        Filters filters;

        @Mixin
        Dates dates;

        @Option(names = "--json", descriptionKey = "archives.list.json")
        boolean json;

        private final CommandContext ctx;

        Search(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            SearchQuery q = filters.query(ctx, dates.from, dates.to).withText(String.join(" ", words));
            printList(ctx, ctx.withVault(options, vault -> ctx.desk(vault).reports().list(q)), json);
            return 0;
        }
    }

    /** No standard --version here: {@code --version N} chooses the testimony's version. */
    @Command(name = "show")
    static final class Show implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "mixinStandardHelpOptions.help")
        boolean help;

        @Parameters(paramLabel = "ID", descriptionKey = "archives.show.id")
        String id;

        @Option(names = "--version", paramLabel = "N", descriptionKey = "archives.show.version")
        Integer version;

        @Option(names = "--json", descriptionKey = "archives.show.json")
        boolean json;

        private final CommandContext ctx;

        Show(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            ArchivedTestimony t = ctx.withVault(options, vault -> ctx.desk(vault).reports().show(id.strip()));
            List<ArchivedTestimony.Version> versions = t.versions();
            if (version != null) {
                versions = versions.stream().filter(v -> v.number() == version).toList();
                if (versions.isEmpty()) {
                    throw new TanikException(Problem.INVALID_INPUT, ctx.text("cli.invalid.archiveVersion", version,
                            t.versions().size()));
                }
            }
            PrintWriter out = ctx.terminal.out();
            if (json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree(t, versions)));
                return 0;
            }
            ArchivedTestimony.Version shown = versions.get(versions.size() - 1);
            TestimonyShowCommand.print(ctx, out, shown.testimony());
            out.println();
            Provenance p = shown.provenance();
            if (p != null) {
                out.println(ctx.text("cli.archive.provenance", p.device(), p.bundleId(), p.sequence(), p.bundleSha256(),
                        p.verification(), p.receivedAt().toString(), p.importedAt().toString()));
            }
            if (shown.flagged()) {
                out.println(ctx.text("cli.archive.flagged"));
            }
            out.println(ctx.text("cli.archive.versions", t.versions().size()));
            for (ArchivedTestimony.Review r : t.history()) {
                out.println(Terminal.oneLine(ctx.text("cli.archive.review", r.at().toString(), stateCode(r.state()),
                        r.note())));
            }
            return 0;
        }

        private static ObjectNode tree(ArchivedTestimony t, List<ArchivedTestimony.Version> versions) {
            ObjectMapper mapper = Json.mapper();
            ObjectNode o = mapper.createObjectNode();
            o.put("id", t.versions().get(0).testimony().id());
            ArrayNode vs = o.putArray("versions");
            for (ArchivedTestimony.Version v : versions) {
                ObjectNode n = vs.addObject();
                n.put("version", v.number());
                n.put("flagged", v.flagged());
                n.set("provenance", v.provenance() == null ? null : mapper.valueToTree(v.provenance()));
                n.set("testimony", TestimonyCodec.toTree(v.testimony()));
            }
            ArrayNode history = o.putArray("history");
            for (ArchivedTestimony.Review r : t.history()) {
                ObjectNode h = history.addObject();
                h.put("state", stateCode(r.state()));
                h.put("duplicateOf", r.duplicateOf());
                h.put("note", r.note());
                h.put("at", r.at().toString());
            }
            return o;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = "--format", required = true, paramLabel = "FORMAT", descriptionKey = "archives.export.format")
        String format;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "archives.export.out")
        Path out;

        @Option(names = "--redact", paramLabel = "LEVEL", descriptionKey = "archives.export.redact")
        String redact = RedactionLevel.CONFIDENTIAL.code();

        @Option(names = "--rows", paramLabel = "ROWS", descriptionKey = "archives.export.rows")
        String rows = TableRows.ACTS.code();

        @Option(names = "--id", paramLabel = "ID", descriptionKey = "archives.export.id")
        List<String> ids = new ArrayList<>();

        @Option(names = "--yes", descriptionKey = "archives.export.yes")
        boolean yes;

        @Mixin
        Filters filters;

        @Mixin
        Dates dates;

        private final CommandContext ctx;

        Export(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ExportFormat f = code(() -> ExportFormat.of(format.strip().toLowerCase(Locale.ROOT)), "cli.invalid.exportFormat");
            RedactionLevel level = code(() -> RedactionLevel.of(redact.strip().toLowerCase(Locale.ROOT)),
                    "cli.invalid.redactionLevel");
            TableRows table = code(() -> TableRows.of(rows.strip().toLowerCase(Locale.ROOT)), "cli.invalid.rows");
            SearchQuery q = filters.query(ctx, dates.from, dates.to);
            refuseExisting(ctx, out);
            if (level.keepsIdentities() && !yes) {
                // Before the passphrase is asked for: a refusal wastes nothing.
                ctx.confirm(ctx.text("cli.export.fullQuestion", ReportDesk.describeTarget(out), ctx.text("cli.confirm.yes")),
                        ctx.text("cli.export.fullNoTerminal"));
            }
            ExportRequest request = new ExportRequest(f, level, q, ids.stream().map(String::strip).toList(), table, out,
                    ctx.locale);
            ExportResult r = ctx.withVault(options, vault -> cancellable(progress -> ctx.desk(vault).reports()
                    .export(request, progress)));
            report(ctx, r, level);
            return r.cancelled() ? Cli.PROBLEM : 0;
        }

        private <T> T code(java.util.function.Supplier<T> parse, String invalid) {
            try {
                return parse.get();
            } catch (IllegalArgumentException e) {
                throw new TanikException(Problem.INVALID_INPUT, ctx.text(invalid));
            }
        }
    }

    /** The command line never overwrites a file (the desktop asks in its file chooser). */
    static void refuseExisting(CommandContext ctx, Path out) {
        if (Files.exists(out)) {
            throw new TanikException(Problem.FILE_EXISTS, String.valueOf(out));
        }
    }

    /** What an export or report wrote, and which testimonies their consent kept out. */
    static void report(CommandContext ctx, ExportResult r, RedactionLevel level) {
        PrintWriter err = ctx.terminal.err();
        if (r.cancelled()) {
            err.println(ctx.text("cli.export.cancelled"));
            return;
        }
        PrintWriter out = ctx.terminal.out();
        out.println(level == null ? ctx.text("cli.report.written", r.file().toString(), r.testimonies(), r.acts())
                : ctx.text("cli.export.written", r.file().toString(), r.testimonies(), r.acts(), level.code()));
        out.println("SHA-256 " + r.sha256());
        if (!r.leftOutByConsent().isEmpty()) {
            err.println(ctx.text("cli.export.leftOut", r.leftOutByConsent().size()));
            r.leftOutByConsent().forEach(id -> err.println("  " + id));
        }
    }

    /** The work the export does, given the progress it reports to and is cancelled through. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress<String> progress);
    }

    /**
     * Runs an export so that Ctrl-C cancels it cleanly: the shutdown hook asks the export to stop
     * and waits for it, so the temporary file of readable testimonies is deleted, not left behind.
     */
    static <T> T cancellable(Work<T> work) {
        return cancellable(work, Runtime.getRuntime()::addShutdownHook, hook -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it returns now that the export finished.
            }
        });
    }

    /** {@link #cancellable(Work)} with the hook's registration given (a test runs the hook itself). */
    static <T> T cancellable(Work<T> work, java.util.function.Consumer<Thread> addHook,
                             java.util.function.Consumer<Thread> removeHook) {
        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.set(true);
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tanik-export-cancel");
        addHook.accept(hook);
        try {
            return work.run(Progress.of((done, total, step) -> { }, cancel::get));
        } finally {
            finished.countDown();
            removeHook.accept(hook);
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true)
    static final class Stats implements Callable<Integer> {
        @Mixin
        VaultOptions options;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "report.stats.out")
        Path out;

        @Option(names = "--from", paramLabel = "DATE", descriptionKey = "report.stats.from")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", descriptionKey = "report.stats.to")
        LocalDate to;

        @Mixin
        Filters filters;

        private final CommandContext ctx;

        Stats(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            SearchQuery q = filters.query(ctx, null, null);
            refuseExisting(ctx, out);
            StatisticsRequest request = new StatisticsRequest(q, from, to, out, ctx.locale);
            ExportResult r = ctx.withVault(options, vault -> cancellable(progress -> ctx.desk(vault).reports()
                    .statistics(request, progress)));
            report(ctx, r, null);
            return r.cancelled() ? Cli.PROBLEM : 0;
        }
    }
}
