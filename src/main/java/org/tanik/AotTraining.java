package org.tanik;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tanik.cli.Cli;
import org.tanik.cli.Terminal;
import org.tanik.config.AppDirectories;
import org.tanik.coordinator.CoordinatorDesk;
import org.tanik.coordinator.search.SearchQuery;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.Random;
import org.tanik.session.OpenVault;
import org.tanik.ui.shell.DesktopTraining;

/**
 * The training run of the installed app's ahead-of-time cache (packaging/package.sh, JDK 25's
 * {@code -XX:AOTCacheOutput}): in one process, what users do on the command line and what the
 * coordinator's desktop does after unlock: create and unlock vaults with the shipped Argon2id
 * parameters, add, list and seal testimonies, export bundles, verify and import them, approve the
 * device, check the audit log, build the search index and search; then, given a display, the desktop's
 * first window and main screens ({@link DesktopTraining}). The classes this loads and the
 * methods it profiles go into the cache, so the users' first command or first import starts warm.
 *
 * <p>Everything happens under a throwaway folder (its own home: no settings or vault of the build
 * machine is read or written) with a random throwaway passphrase, and the folder is deleted at the
 * end, whatever happens. Nothing it prints is kept.
 */
public final class AotTraining {

    private static final int TESTIMONIES = 16;
    /**
     * The training's own vaults derive with 8 MiB, so that its hundred-odd unlocks take seconds, not
     * minutes; the same Argon2id code runs, and one vault at the end uses the shipped parameters.
     */
    private static final Argon2Params CHEAP = new Argon2Params(8 * 1024, 1, 1);

    private final Path home;
    private final AppServices services;
    private final Map<String, String> env;

    private AotTraining(Path home, String passphrase) {
        this.home = home;
        this.services = AppServices.create(new AppDirectories(home), CHEAP);
        this.env = Map.of("TANIK_PASSPHRASE", passphrase);
    }

    /** {@code AotTraining FOLDER}: FOLDER must not exist; it is created, used and deleted. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: AotTraining SCRATCH_FOLDER (created and deleted)");
            System.exit(2);
        }
        Path home = Files.createDirectory(Path.of(args[0]));
        try {
            String passphrase = "aot training " + java.util.HexFormat.of().formatHex(Random.bytes(16));
            new AotTraining(home, passphrase).run(passphrase.toCharArray());
        } finally {
            deleteTree(home);
        }
        System.exit(0); // the cache is written as the JVM exits
    }

    private void run(char[] passphrase) throws IOException {
        String org = home.resolve("org").toString();
        String vol = home.resolve("volunteer").toString();
        cli("vault", "init", "--vault", org);
        cli("org", "init", "--name", "Training", "--vault", org);
        Path invite = home.resolve("invite.json");
        String fingerprint = cli("org", "invite", "--out", invite.toString(), "--vault", org)
                .replaceAll("(?s).*: ([\\d ]{35})\n.*", "$1").strip();
        cli("vault", "init", "--vault", vol);
        cli("enrol", invite.toString(), "--vault", vol, "--expect-fingerprint", fingerprint);
        List<String> bundles = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < TESTIMONIES / 2; i++) {
                Path json = home.resolve("t.json");
                Files.writeString(json, testimony(round * TESTIMONIES + i), StandardCharsets.UTF_8);
                String id = cli("testimony", "add", "--json", json.toString(), "--vault", vol).strip();
                cli("testimony", "show", id, "--vault", vol);
                cli("testimony", "seal", id, "--vault", vol);
            }
            cli("testimony", "list", "--vault", vol);
            cli("testimony", "list", "--json", "--vault", vol);
            Path bundle = home.resolve("b" + round + ".tanik");
            cli("bundle", "export", "--out", bundle.toString(), "--vault", vol);
            cli("bundle", "verify", bundle.toString(), "--vault", org);
            bundles.add(bundle.toString());
        }
        cli(concat("import", bundles, "--vault", org));                      // held: device not approved
        String device = cli("volunteers", "list", "--json", "--vault", org)
                .replaceAll("(?s).*\"fingerprint\" *: *\"([0-9 ]+)\".*", "$1").replace(" ", "");
        cli("volunteers", "approve", device, "--label", "Training", "--vault", org); // releases and imports them
        cli(concat("import", bundles, "--vault", org));                      // already imported
        cli("volunteers", "list", "--vault", org);
        cli("audit", "verify", "--vault", org);
        cli("audit", "list", "--vault", org);
        cli("audit", "archive", "--vault", org);
        // A command line builds only the branch it names (Cli.commandLine), so the help builds the whole
        // tree once: every command's classes then come from the cache, the untrained ones included.
        cli("--help");
        // The desktop coordinator after unlock: the search index, then a search.
        try (OpenVault open = services.vaultAccess().unlock(Path.of(org), passphrase)) {
            CoordinatorDesk desk = new CoordinatorDesk(open, services.vocabulary(), Clock.systemUTC());
            var index = desk.loadIndex();
            index.search(SearchQuery.all().withText("gözaltı"));
            index.search(SearchQuery.all());
        }
        desktop(Path.of(vol), Path.of(org), passphrase);
        // One unlock as users pay it, with the shipped parameters.
        AppServices shipped = AppServices.create(new AppDirectories(home), Argon2Params.DEFAULT);
        Path real = home.resolve("shipped");
        shipped.vaultAccess().create(real, passphrase).close();
        shipped.vaultAccess().unlock(real, passphrase).close();
    }

    /**
     * The desktop's first window and main screens (issue 19: without them the cache held only the command
     * line's classes). It needs a display: packaging/package.sh passes its own or starts Xvfb; without
     * one, or if the desktop fails here, the cache still serves the command line and the training says so.
     */
    private void desktop(Path volunteer, Path organisation, char[] passphrase) {
        if (!hasDisplay()) {
            System.out.println("AOT training: no display (DISPLAY unset), the desktop is not trained");
            return;
        }
        try {
            System.out.println("AOT training: desktop screens shown: "
                    + DesktopTraining.run(services, volunteer, organisation, passphrase));
        } catch (Exception | LinkageError e) {
            System.out.println("AOT training: the desktop could not be trained (" + e.getClass().getSimpleName()
                    + "), the cache serves the command line only");
        }
    }

    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        String display = System.getenv("DISPLAY");
        return display != null && !display.isBlank();
    }

    private static String[] concat(String command, List<String> files, String... rest) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(files);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    /** Runs one command in this process; its output is returned (for the values the next needs), not kept. */
    private String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(new PrintWriter(out), new PrintWriter(err), env, prompt -> {
            throw new IllegalStateException("the training never prompts");
        });
        int code = Cli.run(args, services, terminal);
        if (code != 0) {
            // Only the command's name: its arguments are throwaway paths, its stderr one sentence.
            throw new IllegalStateException("training command '" + String.join(" ", List.of(args).subList(0,
                    Math.min(2, args.length))) + "' failed (" + code
                    + "): " + err.toString().strip());
        }
        return out.toString();
    }

    private static String testimony(int n) {
        return """
                {"title": "Tanıklık %d", "narrative": "Gözaltı sırasında %d kişi karakola götürüldü; \
                avukatla görüşmelerine izin verilmedi. Tanık olayları ayrıntılı anlattı.",
                 "consent": {"method": "oral", "scopes": ["documentation", "reports-anonymous"]}}
                """.formatted(n, n + 2);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
