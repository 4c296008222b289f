package org.tanik.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.tanik.testing.CliRunner;

/**
 * The scripted CLI session recorded before the refactor of issue 14 (commit 801a1aa), and the checks
 * run against the fixtures it left. Both go through the command line only ({@link CliRunner}), never
 * through Tanik's classes, so they keep compiling and meaning the same when packages move.
 */
final class BeforeSession {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/before");
    static final String TRANSCRIPT = "cli-transcript.txt";
    static final String FIXTURE_OUTPUTS = "fixture-outputs.txt";
    static final String VOLUNTEER_VAULT = "volunteer-vault";
    static final String COORDINATOR_VAULT = "coordinator-vault";
    static final String COORDINATOR_BEFORE_IMPORT = "coordinator-vault-before-import";
    static final String BUNDLE = "bundle-1.tanik";
    static final String BUNDLE_2 = "bundle-2.tanik";
    /** Every vault and bundle file the checks need; a missing one fails them (the texts are checked where read). */
    static final List<String> REQUIRED = List.of(BUNDLE, BUNDLE_2,
            VOLUNTEER_VAULT + "/vault.key", VOLUNTEER_VAULT + "/tanik.mv.db",
            COORDINATOR_VAULT + "/vault.key", COORDINATOR_VAULT + "/tanik.mv.db",
            COORDINATOR_BEFORE_IMPORT + "/vault.key", COORDINATOR_BEFORE_IMPORT + "/tanik.mv.db");

    /** Test-only passphrases (README.md of the fixtures says so); never real secrets. */
    static final String VOLUNTEER_PASS = "gönüllü kasası parolası şğıİ 2026";
    static final String COORDINATOR_PASS = "örgüt kasası parolası çöüİ 2026";

    static final String TESTIMONY = """
            {"title": "Ayşe Yılmaz: gözaltı ve işkence iddiası, İzmir 2016",
             "narrative": "Tanık, 16 Temmuz 2016 sabahı öğretmenlik yaptığı okuldan gözaltına alındığını anlatıyor. Şube'de üç gün boyunca avukatıyla görüştürülmediğini, gözlerinin bağlandığını ve dövüldüğünü söylüyor. Çocukları İstanbul'daki akrabalarının yanına gönderilmiş.",
             "interview": {"date": "2021-03-04", "place": "Köln", "interviewer": "G7", "languages": ["tr", "ku"], "present": "çevirmen Öykü"},
             "interviewee": {"name": "Ayşe Y. (takma ad)", "contact": "Signal üzerinden, kardeşi aracılığıyla", "relation": "kendisi"},
             "incidents": [
               {"label": "2016 gözaltısı", "acts": [
                 {"type": "arbitrary_detention", "start": "2016-07-16", "end": "2016-07", "place": {"province": "35", "district": "Buca", "facility": "İzmir Emniyet Müdürlüğü TEM Şube"},
                  "victims": [{"name": "Ayşe Yılmaz", "sex": "FEMALE", "birthYear": 1982, "occupation": "teacher"}],
                  "perpetrators": [{"institution": "police", "unit": "TEM Şube", "rank": "komiser", "name": ""}], "notes": "Gözaltı süresi uzatıldı; aile bilgilendirilmedi."},
                 {"type": "torture", "start": "2016-07-17", "place": {"province": "35", "district": "Buca", "facility": "İzmir Emniyet Müdürlüğü TEM Şube"},
                  "victims": [{"name": "Ayşe Yılmaz", "sex": "FEMALE", "birthYear": 1982, "occupation": "teacher"}],
                  "perpetrators": [{"institution": "police", "unit": "TEM Şube", "rank": "", "name": ""}], "notes": "Göz bağı, darp; doktor raporu alınamadı."},
                 {"type": "lawyer_access_denied", "start": "2016-07", "place": {"province": "35", "district": "", "facility": ""},
                  "victims": [{"name": "Ayşe Yılmaz", "sex": "FEMALE", "birthYear": 1982, "occupation": "teacher"}],
                  "perpetrators": [], "notes": ""}]},
               {"label": "KHK ile ihraç", "acts": [
                 {"type": "decree_dismissal", "start": "2016-09", "place": {"province": "35", "district": "Karşıyaka", "facility": "Çiğli Ortaokulu"},
                  "victims": [{"name": "Ayşe Yılmaz", "sex": "FEMALE", "birthYear": 1982, "occupation": "teacher"}],
                  "perpetrators": [{"institution": "ministry", "unit": "Millî Eğitim Bakanlığı", "rank": "", "name": ""}], "notes": "672 sayılı KHK."}]}],
             "consent": {"method": "oral", "givenAt": "2021-03-04T10:00:00Z", "takenBy": "G7", "scopes": ["documentation", "reports-anonymous"]}}
            """;
    static final String TESTIMONY_2 = """
            {"title": "Pasaport iptali: Güneş Öztürk", "narrative": "Eşinin ihracından sonra pasaportu iptal edildi; yurt dışındaki çocuğunu göremiyor.",
             "consent": {"method": "written", "scopes": ["documentation"]}}
            """;

    /** Where the recorder copies a vault folder at a point of the session; the regression test ignores them. */
    interface Snapshots {
        void take(String name, Path vaultDir) throws IOException;
    }

    private BeforeSession() {
    }

    static Normaliser normaliser(Path home) {
        return new Normaliser().path(home, "home");
    }

    /** The settings file of the desktop app, which chooses the command line's language. */
    static void language(Path home, String language) throws IOException {
        Files.writeString(home.resolve("settings.json"), "{\"language\": \"" + language + "\", \"idleMinutes\": 10}");
    }

    /** Runs the whole session in {@code home} (an empty temp folder) and returns its transcript. */
    static Transcript record(Path home, Snapshots snapshots) throws IOException {
        language(home, "en");
        CliRunner vol = new CliRunner(home).env("TANIK_PASSPHRASE", VOLUNTEER_PASS);
        CliRunner org = new CliRunner(home).env("TANIK_PASSPHRASE", COORDINATOR_PASS);
        CliRunner wrong = new CliRunner(home).env("TANIK_PASSPHRASE", "yanlış parola");
        CliRunner none = new CliRunner(home);
        Transcript t = new Transcript(normaliser(home)).runner(vol, "volunteer passphrase")
                .runner(org, "coordinator passphrase").runner(wrong, "wrong passphrase").runner(none, "no passphrase");
        String v = home.resolve("vol").toString();
        String o = home.resolve("org").toString();

        t.note("Version and help texts, in English (settings.json: language en).");
        t.run(none, "--version");
        help(t, none);

        t.note("The volunteer's vault and testimonies.");
        t.run(vol, "vault", "init", "--vault", v);
        Path json1 = Files.writeString(home.resolve("testimony-1.json"), TESTIMONY, StandardCharsets.UTF_8);
        Path json2 = Files.writeString(home.resolve("testimony-2.json"), TESTIMONY_2, StandardCharsets.UTF_8);
        String id1 = t.run(vol, "testimony", "add", "--json", json1.toString(), "--vault", v).out().strip();
        String id2 = t.run(vol, "testimony", "add", "--json", json2.toString(), "--vault", v).out().strip();
        t.run(vol, "testimony", "list", "--vault", v);
        t.run(vol, "testimony", "list", "--json", "--vault", v);
        t.run(vol, "testimony", "show", id1, "--vault", v);
        t.run(vol, "testimony", "show", id1, "--json", "--vault", v);
        t.run(vol, "testimony", "show", id2.substring(0, 8), "--vault", v);
        t.run(vol, "testimony", "seal", id1, "--vault", v);
        t.run(vol, "testimony", "seal", id1, "--vault", v);
        t.run(vol, "testimony", "show", id1, "--at-version", "1", "--vault", v);
        t.run(vol, "testimony", "list", "--vault", v);
        t.run(vol, "device-key", "show", "--vault", v);
        t.run(vol, "device-key", "export", "--pem", "--out", home.resolve("device.pem").toString(), "--vault", v);

        t.note("Mistakes and problems on the volunteer's side.");
        t.run(wrong, "testimony", "list", "--vault", v);
        t.run(vol, "testimony", "show", "00000000-0000-4000-8000-000000000000", "--vault", v);
        t.run(vol, "testimony", "seal", "ffff", "--vault", v);
        t.run(vol, "testimony", "list", "--vault", home.resolve("no-vault-here").toString());
        t.run(vol, "testimony", "list", "--bogus", "--vault", v);
        t.run(vol, "testimony", "show", "--vault", v);
        t.run(vol, "testimony");
        t.run(vol, "vault", "init", "--vault", v);
        t.run(vol, "bundle", "export", "--out", home.resolve("early.tanik").toString(), "--vault", v);

        t.note("The organisation's (coordinator's) vault.");
        t.run(org, "vault", "init", "--vault", o);
        t.run(org, "org", "init", "--name", "İnsan Hakları Gözlem Derneği", "--vault", o);
        Path invite = home.resolve("invitation.json");
        String inviteOut = t.run(org, "org", "invite", "--out", invite.toString(), "--vault", o).out();
        String orgFingerprint = inviteOut.replaceAll("(?s).*?(\\d{5}(?: \\d{5}){5}).*", "$1");
        t.run(org, "org", "export-identity", "--out", home.resolve("org-identity.txt").toString(), "--vault", o);
        t.run(org, "org", "invite", "--out", home.resolve("x.json").toString(), "--valid-days", "ten", "--vault", o);

        t.note("The volunteer joins and sends a bundle.");
        t.run(vol, "enrol", invite.toString(), "--vault", v, "--expect-fingerprint", "11111 22222 33333 44444 55555 66666");
        t.run(vol, "enrol", invite.toString(), "--vault", v, "--expect-fingerprint", orgFingerprint);
        t.run(vol, "enrol", invite.toString(), "--vault", v, "--expect-fingerprint", orgFingerprint.replace(" ", ""));
        Path b1 = home.resolve("bundle-1.tanik");
        t.run(vol, "bundle", "export", "--out", b1.toString(), "--vault", v);
        t.run(vol, "bundle", "export", "--out", home.resolve("nothing.tanik").toString(), "--vault", v);

        t.note("The coordinator checks the bundle, and a copy with one byte flipped (40 bytes from the end).");
        t.run(org, "bundle", "verify", b1.toString(), "--vault", o);
        t.run(none, "bundle", "verify", b1.toString(), "--identity", home.resolve("org-identity.txt").toString(),
                "--device-key", home.resolve("device.pem").toString());
        byte[] bytes = Files.readAllBytes(b1);
        bytes[bytes.length - 40] ^= 1;
        Path broken = Files.write(home.resolve("broken.tanik"), bytes);
        t.run(org, "bundle", "verify", broken.toString(), "--vault", o);
        t.run(org, "bundle", "verify", home.resolve("missing.tanik").toString(), "--vault", o);
        t.run(wrong, "bundle", "verify", b1.toString(), "--vault", o);
        snapshots.take(COORDINATOR_BEFORE_IMPORT, home.resolve("org"));

        t.note("Import: held (device not approved), approve, import again, a second bundle.");
        t.run(org, "import", b1.toString(), "--vault", o);
        t.run(org, "volunteers", "list", "--vault", o);
        t.run(org, "volunteers", "list", "--json", "--vault", o);
        String deviceId = t.run(vol, "device-key", "show", "--vault", v).out()
                .replaceAll("(?s).*?(\\d{5}(?: \\d{5}){3}).*", "$1");
        t.run(org, "volunteers", "approve", deviceId, "--label", "Gönüllü Çiğdem (İzmir)", "--vault", o);
        t.run(org, "volunteers", "list", "--vault", o);
        t.run(org, "import", b1.toString(), "--vault", o);
        t.run(org, "import", broken.toString(), "--vault", o);
        t.run(vol, "testimony", "seal", id2, "--vault", v);
        Path b2 = home.resolve("bundle-2.tanik");
        t.run(vol, "bundle", "export", "--out", b2.toString(), "--vault", v);
        t.run(org, "import", b2.toString(), b1.toString(), "--vault", o);
        t.run(org, "volunteers", "approve", "12345", "--label", "x", "--vault", o);
        t.run(org, "volunteers", "approve", "123", "--vault", o);

        t.note("The audit log.");
        t.run(org, "audit", "verify", "--vault", o);
        t.run(org, "audit", "list", "--vault", o);
        t.run(org, "audit", "archive", "--vault", o);
        t.run(org, "audit", "verify", "--head", "00".repeat(32), "--vault", o);

        t.note("The same in Turkish (settings.json: language tr).");
        language(home, "tr");
        t.run(none, "--help");
        t.run(none, "testimony", "--help");
        t.run(none, "import", "--help");
        t.run(vol, "testimony", "list", "--vault", v);
        t.run(vol, "testimony", "show", id1, "--vault", v);
        t.run(wrong, "testimony", "list", "--vault", v);
        t.run(vol, "testimony", "show", "00000000-0000-4000-8000-000000000000", "--vault", v);
        t.run(vol, "testimony", "list", "--bogus", "--vault", v);
        t.run(org, "bundle", "verify", broken.toString(), "--vault", o);
        t.run(org, "import", b1.toString(), broken.toString(), "--vault", o);
        t.run(org, "volunteers", "list", "--vault", o);
        t.run(org, "audit", "verify", "--vault", o);
        t.run(org, "audit", "list", "--vault", o);
        t.run(org, "audit", "archive", "--vault", o);
        language(home, "en");

        snapshots.take(VOLUNTEER_VAULT, home.resolve("vol"));
        snapshots.take(COORDINATOR_VAULT, home.resolve("org"));
        snapshots.take(BUNDLE, b1);
        snapshots.take(BUNDLE_2, b2);
        return t;
    }

    /** Every command's --help, the groups' and the leaves'. */
    private static void help(Transcript t, CliRunner cli) {
        t.run(cli, "--help");
        List<List<String>> commands = List.of(
                List.of("vault"), List.of("vault", "init"), List.of("vault", "change-passphrase"),
                List.of("testimony"), List.of("testimony", "add"), List.of("testimony", "list"),
                List.of("testimony", "show"), List.of("testimony", "seal"),
                List.of("org"), List.of("org", "init"), List.of("org", "invite"), List.of("org", "export-identity"),
                List.of("enrol"), List.of("leave-organisation"),
                List.of("device-key"), List.of("device-key", "show"), List.of("device-key", "export"),
                List.of("bundle"), List.of("bundle", "export"), List.of("bundle", "verify"),
                List.of("import"), List.of("volunteers"), List.of("volunteers", "list"),
                List.of("volunteers", "approve"), List.of("volunteers", "revoke"),
                List.of("audit"), List.of("audit", "list"), List.of("audit", "verify"), List.of("audit", "archive"));
        for (List<String> c : commands) {
            List<String> args = new java.util.ArrayList<>(c);
            args.add("--help");
            t.run(cli, args.toArray(String[]::new));
        }
    }

    /**
     * Copies the committed fixtures into {@code work} (H2 would change them if opened in place) and runs
     * the checks on them: what the volunteer vault shows, what the bundles verify to, what importing
     * gives, whether the audit log is intact.
     */
    static Transcript checkFixtures(Path fixtures, Path work) throws IOException {
        for (String f : REQUIRED) {
            if (!Files.isRegularFile(fixtures.resolve(f))) {
                throw new AssertionError("fixture file missing: " + fixtures.resolve(f));
            }
        }
        Path home = work.resolve("home");
        Files.createDirectories(home);
        language(home, "en");
        copy(fixtures.resolve(VOLUNTEER_VAULT), work.resolve("vol"));
        copy(fixtures.resolve(COORDINATOR_VAULT), work.resolve("org"));
        copy(fixtures.resolve(COORDINATOR_BEFORE_IMPORT), work.resolve("org-before"));
        copy(fixtures.resolve(COORDINATOR_BEFORE_IMPORT), work.resolve("org-before-2"));
        copy(fixtures.resolve(BUNDLE), work.resolve(BUNDLE));
        copy(fixtures.resolve(BUNDLE_2), work.resolve(BUNDLE_2));
        CliRunner vol = new CliRunner(home).env("TANIK_PASSPHRASE", VOLUNTEER_PASS);
        CliRunner org = new CliRunner(home).env("TANIK_PASSPHRASE", COORDINATOR_PASS);
        // The fixtures' ids, keys and times are fixed: printed literally until an import adds new ones.
        Transcript t = new Transcript(Normaliser.pathsOnly().path(work, "work")).runner(vol, "volunteer passphrase")
                .runner(org, "coordinator passphrase");
        String v = work.resolve("vol").toString();
        String o = work.resolve("org").toString();
        String b1 = work.resolve(BUNDLE).toString();
        String b2 = work.resolve(BUNDLE_2).toString();

        t.note("The volunteer fixture vault.");
        String list = t.run(vol, "testimony", "list", "--json", "--vault", v).out();
        t.run(vol, "testimony", "list", "--vault", v);
        for (String id : ids(list)) {
            t.run(vol, "testimony", "show", id, "--json", "--vault", v);
            t.run(vol, "testimony", "show", id, "--vault", v);
        }
        t.run(vol, "device-key", "show", "--vault", v);
        t.run(vol, "bundle", "export", "--out", work.resolve("nothing.tanik").toString(), "--vault", v);

        t.note("The fixture bundles against the coordinator fixture vault (after import).");
        t.run(org, "bundle", "verify", b1, "--vault", o);
        t.run(org, "bundle", "verify", b2, "--vault", o);
        t.run(org, "volunteers", "list", "--vault", o);
        t.run(org, "audit", "verify", "--vault", o);
        t.run(org, "audit", "archive", "--vault", o);
        t.run(org, "audit", "list", "--vault", o);
        t.run(org, "import", b1, b2, "--vault", o);

        t.note("Fresh imports into copies of the coordinator fixture vault as it was before any import;");
        t.note("from here on, what changes from run to run (import times, new audit heads) is normalised.");
        t.normaliseWith(new Normaliser().path(work, "work"));
        String before = work.resolve("org-before").toString();
        t.run(org, "bundle", "verify", b1, "--vault", before);
        t.run(org, "import", b1, "--vault", before);
        t.run(org, "volunteers", "list", "--vault", before);
        t.run(org, "audit", "verify", "--vault", before);
        String before2 = work.resolve("org-before-2").toString();
        t.run(org, "import", b2, b1, "--vault", before2);
        t.run(org, "audit", "archive", "--vault", before2);
        return t;
    }

    /** The ids in {@code testimony list --json}, in the order printed. */
    private static List<String> ids(String listJson) {
        List<String> ids = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(listJson);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            throw new AssertionError("the volunteer fixture vault lists no testimony: " + listJson);
        }
        return ids;
    }

    /** Copies a file or a vault folder, leaving out lock and trace files (a vault copied open is no fixture). */
    static void copy(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".lock") || name.endsWith(".trace.db") || name.endsWith(".tmp")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
