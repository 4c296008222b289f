package org.tanik.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanik.bundle.BundleException;
import org.tanik.bundle.BundleLimits;
import org.tanik.bundle.BundleReader;
import org.tanik.coordinator.imports.ImportResult;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.enrolment.Enrolment;
import org.tanik.enrolment.InvitationCodec;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.model.Vocabulary;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;
import org.tanik.store.coordinator.AuditLog;
import org.tanik.testing.MutableClock;
import org.tanik.testing.Organisations;
import org.tanik.work.Progress;

/**
 * The organisation key's safe keeping through the coordinator's desk: split into share files and
 * printable pages, restored into a new vault from any threshold of them (and not from fewer, nor from
 * a mistyped or foreign share), and rotated, with bundles made to the old recipient still imported.
 */
class OrganisationKeyCareTest {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T08:00:00Z"));
    Organisations orgs;
    OpenVault vault;

    @BeforeEach
    void openOrganisation() {
        orgs = new Organisations(dir.resolve("vaults"), clock).createOrganisation("İnsan Hakları Derneği");
        vault = new OpenVault(orgs.openOrg());
    }

    @AfterEach
    void lock() {
        vault.close();
    }

    OrganisationDesk desk(OpenVault v) {
        return new CoordinatorDesk(v, Vocabulary.load(), clock, Organisation::identity, AtomicFiles::write).organisation();
    }

    /** A new vault, made as with {@code vault init}, for a restore. */
    OpenVault freshVault(String name) {
        return new OpenVault(orgs.vaults().create(dir.resolve("vaults").resolve(name), Organisations.PASS));
    }

    @Test
    void everyThresholdOfSharesRestoresTheOrganisationAndFewerDoNot() throws IOException {
        Organisation before = Organisation.require(vault.store());
        String recipient = before.recipient();
        String fingerprint = before.fingerprint();
        List<Integer> reported = new ArrayList<>();
        OrganisationDesk.Split split = desk(vault).backup(dir.resolve("shares"), 5, 3, Locale.ENGLISH,
                (done, total, f) -> reported.add(done));
        assertThat(reported).containsExactly(1, 2, 3, 4, 5);
        assertThat(split.shares()).hasSize(5);
        for (OrganisationDesk.ShareFiles f : split.shares()) {
            assertThat(f.text()).isRegularFile();
            assertThat(f.page()).isRegularFile();
            String file = Files.readString(f.text());
            // Neither the name nor any key appears on a share: a paper found says nothing of whose it is.
            assertThat(file).doesNotContain("İnsan").doesNotContain(recipient).contains(split.splitId());
            try (PDDocument pdf = Loader.loadPDF(f.page().toFile())) {
                String page = new PDFTextStripper().getText(pdf);
                assertThat(page).contains(split.splitId()).doesNotContain("İnsan");
                String shareLine = file.lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
                assertThat(page.replaceAll("\\s", "")).contains(shareLine.replace(" ", ""));
                assertThat(page).doesNotContain("''");
                // The QR code on the printed page reads back as the share's text.
                assertThat(qrText(pdf)).isEqualTo(shareLine);
            }
        }
        List<Path> files = split.shares().stream().map(OrganisationDesk.ShareFiles::text).toList();
        int restored = 0;
        for (List<Path> three : threes(files)) {
            try (OpenVault fresh = freshVault("restored-" + restored)) {
                OrganisationDesk.Identity org = desk(fresh).restore(three);
                assertThat(org.name()).isEqualTo("İnsan Hakları Derneği");
                assertThat(org.recipient()).isEqualTo(recipient);
                assertThat(org.fingerprint()).isEqualTo(fingerprint);
            }
            restored++;
        }
        assertThat(restored).isEqualTo(10);
        try (OpenVault fresh = freshVault("too-few")) {
            TanikException e = catchThrowableOfType(() -> desk(fresh).restore(files.subList(0, 2)), TanikException.class);
            assertThat(e.problem()).isEqualTo(Problem.SHARES_TOO_FEW);
            assertThat(e.args()).containsExactly("3", "2");
            assertThat(Organisation.load(fresh.store())).isEmpty();
        }
    }

    @Test
    void anArabicSplitPrintsItsPagesInEnglishAndKeepsItsTextFilesInArabic() throws IOException {
        OrganisationDesk.Split split = desk(vault).backup(dir.resolve("ar"), 2, 2, Locale.forLanguageTag("ar"),
                Progress.none());
        // PDFBox would print Arabic as separate letters, left to right: the page is in English.
        try (PDDocument pdf = Loader.loadPDF(split.shares().get(0).page().toFile())) {
            String page = new PDFTextStripper().getText(pdf);
            assertThat(page.chars().anyMatch(ch -> Character.UnicodeBlock.of(ch) == Character.UnicodeBlock.ARABIC))
                    .as("no Arabic letters on the page").isFalse();
            assertThat(page).contains(split.splitId());
        }
        String file = Files.readString(split.shares().get(0).text());
        assertThat(file.chars().anyMatch(ch -> Character.UnicodeBlock.of(ch) == Character.UnicodeBlock.ARABIC))
                .as("the text file stays in Arabic").isTrue();
    }

    @Test
    void aMistypedShareAForeignShareAndARepeatedShareAreRefused() throws IOException {
        OrganisationDesk.Split one = desk(vault).backup(dir.resolve("one"), 3, 2, Locale.ENGLISH, Progress.none());
        OrganisationDesk.Split two = desk(vault).backup(dir.resolve("two"), 3, 2, Locale.forLanguageTag("tr"),
                Progress.none());
        // In Turkish, with its letters (the standard PDF fonts have no ş, ğ or ı).
        try (PDDocument pdf = Loader.loadPDF(two.shares().get(0).page().toFile())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("3 payından 1 numaralısı", "aynı yerde saklamayın");
        }
        assertThat(Files.readString(two.shares().get(0).text())).contains("herhangi 2 tanesi");
        Path first = one.shares().get(0).text();
        Path typo = dir.resolve("typo.txt");
        String text = Files.readString(first);
        int at = text.lastIndexOf('\n', text.length() - 2) + 7;
        char c = text.charAt(at);
        Files.writeString(typo, text.substring(0, at) + (c == '7' ? '8' : '7') + text.substring(at + 1));
        try (OpenVault fresh = freshVault("fresh")) {
            TanikException mistyped = catchThrowableOfType(
                    () -> desk(fresh).restore(List.of(typo, one.shares().get(1).text())), TanikException.class);
            assertThat(mistyped.problem()).isEqualTo(Problem.SHARE_UNREADABLE);
            assertThat(mistyped.args()).containsExactly(typo.toString());
            TanikException mixed = catchThrowableOfType(
                    () -> desk(fresh).restore(List.of(first, two.shares().get(1).text())), TanikException.class);
            assertThat(mixed.problem()).isEqualTo(Problem.SHARES_FROM_DIFFERENT_SPLITS);
            TanikException twice = catchThrowableOfType(() -> desk(fresh).restore(List.of(first, first)),
                    TanikException.class);
            assertThat(twice.problem()).isEqualTo(Problem.SHARE_REPEATED);
            assertThat(Organisation.load(fresh.store())).isEmpty();
            // Typed in lower case, with O for 0 and l for 1, a share still reads.
            Path relaxed = dir.resolve("relaxed.txt");
            Files.writeString(relaxed, text.toLowerCase(Locale.ROOT).replace('0', 'o').replace('1', 'l'));
            assertThat(desk(fresh).restore(List.of(relaxed, one.shares().get(2).text())).fingerprint())
                    .isEqualTo(Organisation.require(vault.store()).fingerprint());
        }
    }

    @Test
    void aRestoreIntoAnOrganisationVaultIsRefusedAndABackupOverwritesNothing() throws IOException {
        OrganisationDesk.Split split = desk(vault).backup(dir.resolve("shares"), 2, 2, Locale.ENGLISH, Progress.none());
        List<Path> files = split.shares().stream().map(OrganisationDesk.ShareFiles::text).toList();
        TanikException e = catchThrowableOfType(() -> desk(vault).restore(files), TanikException.class);
        assertThat(e.problem()).isEqualTo(Problem.ALREADY_ORGANISATION);
        TanikException range = catchThrowableOfType(
                () -> desk(vault).backup(dir.resolve("x"), 3, 1, Locale.ENGLISH, Progress.none()), TanikException.class);
        assertThat(range.problem()).isEqualTo(Problem.KEY_SPLIT_RANGE);
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void theBackupAndTheRotationAreInTheAuditLogAndNoShareIs() throws IOException {
        OrganisationDesk.Split split = desk(vault).backup(dir.resolve("shares"), 3, 2, Locale.ENGLISH, Progress.none());
        String before = Organisation.require(vault.store()).recipient();
        OrganisationDesk.Identity after = desk(vault).rotate();
        List<AuditLog.Entry> entries = vault.store().coordinator().audit().entries();
        assertThat(entries).extracting(AuditLog.Entry::action).contains("key.backup", "key.rotate");
        String all = entries.toString();
        for (OrganisationDesk.ShareFiles f : split.shares()) {
            String share = Files.readString(f.text(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
            assertThat(all).doesNotContain(share.substring(0, 20));
        }
        AuditText text = new AuditText(Locale.ENGLISH);
        List<String> details = entries.stream().map(text::detail).toList();
        assertThat(details).anyMatch(d -> d.contains(split.splitId()) && d.contains("3 shares"));
        assertThat(details).anyMatch(d -> d.contains(before) && d.contains(after.recipient()));
    }

    @Test
    void afterARotationOldBundlesStillImportAndNewInvitationsNameTheNewRecipient() throws IOException {
        Organisation org = Organisation.require(vault.store());
        String oldRecipient = org.recipient();
        String fingerprint = org.fingerprint();
        Path oldBundle;
        VaultSession early = orgs.volunteer("early");
        Organisations.sealed(early, "Gözaltı, 2017");
        oldBundle = orgs.export(early, "old.tanik");

        OrganisationDesk.Identity rotated = desk(vault).rotate();
        assertThat(rotated.recipient()).isNotEqualTo(oldRecipient);
        assertThat(rotated.fingerprint()).isEqualTo(fingerprint);

        Path invitationFile = dir.resolve("invitation.tanik-invite");
        desk(vault).invite(invitationFile, null, null, 14);
        byte[] invitation = Files.readAllBytes(invitationFile);
        assertThat(new InvitationCodec().read(invitation).recipients()).containsExactly(rotated.recipient());
        Path newBundle;
        try (VaultSession late = orgs.vaults().create(dir.resolve("vaults").resolve("late"), Organisations.PASS)) {
            new Enrolment(clock).enrol(late, invitation);
            Organisations.sealed(late, "Sürgün, 2019");
            newBundle = orgs.export(late, "new.tanik");
        }
        // A volunteer who joined before takes the renewed invitation (same fingerprint) and sends to the new key.
        Path renewedBundle;
        try (early) {
            new Enrolment(clock).enrol(early, invitation);
            assertThat(new Enrolment(clock).current(early).orElseThrow().recipients()).containsExactly(rotated.recipient());
            Organisations.sealed(early, "Gözaltı, 2018");
            renewedBundle = orgs.export(early, "renewed.tanik");
        }

        CoordinatorDesk desk = new CoordinatorDesk(vault, Vocabulary.load(), clock);
        List<ImportResult> results = desk.importFiles(List.of(oldBundle, newBundle, renewedBundle), Progress.none());
        assertThat(results).extracting(ImportResult::verdict).doesNotContain(ImportResult.Verdict.REJECTED);
        assertThat(results).hasSize(3);
        // The bundle made to the old recipient is refused by the new key alone: only the kept one opens it.
        X25519Identity current = Organisation.require(vault.store()).identity();
        try (var in = Files.newInputStream(oldBundle)) {
            assertThatThrownBy(() -> BundleReader.read(in, List.of(current), BundleLimits.DEFAULT))
                    .isInstanceOf(BundleException.class);
        } finally {
            current.destroy();
        }

        // A restore from shares made after the rotation brings the old key along too.
        OrganisationDesk.Split split = desk(vault).backup(dir.resolve("shares"), 2, 2, Locale.ENGLISH, Progress.none());
        try (OpenVault fresh = freshVault("restored")) {
            desk(fresh).restore(split.shares().stream().map(OrganisationDesk.ShareFiles::text).toList());
            List<X25519Identity> kept = Organisation.require(fresh.store()).retiredIdentities();
            assertThat(kept).extracting(k -> k.recipient().encode()).containsExactly(oldRecipient);
            kept.forEach(X25519Identity::destroy);
        }
    }

    /** The text of the QR code on the page's first page, rendered as a printer would (150 dpi, else 300 or 200). */
    static String qrText(PDDocument pdf) throws IOException {
        org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(pdf);
        // At 150 dpi a module is about 6.4 pixels, smoothed at its edges, which the reader misses on about
        // one page in 300; a printer prints at 300 dpi or more, and a phone sees the paper at many scales.
        AssertionError missed = null;
        for (int dpi : new int[] {150, 300, 200}) {
            try {
                return qrText(renderer.renderImageWithDPI(0, dpi, org.apache.pdfbox.rendering.ImageType.RGB));
            } catch (AssertionError e) {
                missed = e;
            }
        }
        throw missed;
    }

    private static String qrText(java.awt.image.BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap,
                    java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, true)).getText();
        } catch (com.google.zxing.ReaderException e) {
            throw new AssertionError("no QR code read on the page", e);
        }
    }

    /** Every three of five, in order. */
    static List<List<Path>> threes(List<Path> five) {
        List<List<Path>> out = new ArrayList<>();
        for (int a = 0; a < five.size(); a++) {
            for (int b = a + 1; b < five.size(); b++) {
                for (int c = b + 1; c < five.size(); c++) {
                    out.add(List.of(five.get(a), five.get(b), five.get(c)));
                }
            }
        }
        return out;
    }
}
