package org.tanik.coordinator;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tanik.crypto.Secrets;
import org.tanik.enrolment.KeyShare;
import org.tanik.enrolment.Organisation;
import org.tanik.enrolment.OrganisationKeys;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.i18n.Texts;
import org.tanik.session.OpenVault;
import org.tanik.store.coordinator.AuditDetail;
import org.tanik.store.coordinator.CoordinatorStores;
import org.tanik.sync.IntakeAddress;
import org.tanik.sync.Keys;
import org.tanik.sync.Route;
import org.tanik.sync.TlsPin;
import org.tanik.work.Progress;

/**
 * The organisation's own keys at work: creating them, signing invitations for new devices, and
 * exporting the identity that opens every bundle. The files are written through
 * {@link AtomicFiles#writeFile}, so a full disk is said as such by the command line and the desktop.
 */
public final class OrganisationDesk {

    /** Who the organisation is: its name, its age recipient and the fingerprint volunteers compare. */
    public record Identity(String name, String recipient, String fingerprint) {
        static Identity of(Organisation org) {
            return new Identity(org.name(), org.recipient(), org.fingerprint());
        }
    }

    private final OpenVault vault;
    private final Clock clock;
    private final AtomicFiles.Writer files;

    OrganisationDesk(OpenVault vault, Clock clock, AtomicFiles.Writer files) {
        this.vault = vault;
        this.clock = clock;
        this.files = files;
    }

    /** Makes this vault the organisation's: creates its age and signing keys. */
    public Identity init(String name) {
        return Identity.of(Organisation.init(vault.store(), name));
    }

    public Identity identity() {
        return Identity.of(Organisation.require(vault.store()));
    }

    /**
     * The rule for an intake address in an invitation: none at all, or https. Devices send testimonies
     * there; a plain http address would expose them on the way. Faces may ask early (before unlocking);
     * {@link #invite} asks again.
     */
    public static void checkIntakeUrl(String intakeUrl) {
        if (intakeUrl != null && !intakeUrl.startsWith("https://")) {
            throw new TanikException(Problem.INTAKE_URL_NOT_HTTPS);
        }
    }

    /**
     * The organisation's intake as the faces show it (Strings only: faces do not touch sync).
     *
     * @param route {@code tor-only} or {@code direct-allowed}
     */
    public record Intake(String url, String tlsPin, String intakeKey, String route) {
        static Intake of(IntakeAddress a) {
            return new Intake(a.url().toString(), a.tlsPin(), Keys.text(a.intakeKey()), a.route().code());
        }
    }

    /**
     * What the intake's operator needs once the intake is added: the organisation's signing public key
     * (base64), which the intake trusts for fetching, acknowledging and the allow-list.
     */
    public record IntakeAdded(Intake intake, String organisationKey) {
    }

    /**
     * Records the organisation's intake, from what the intake's operator printed at {@code intake init}:
     * its https address, the pin of its TLS key and its receipt key, with the route policy (null means
     * {@code tor-only}). Invitations written afterwards carry it. Audited, and the log's head signed.
     * Refused: an address that is not https, a malformed pin ({@code INVALID_TLS_PIN}) or key
     * ({@code INVALID_KEY}), an unknown route ({@code INVALID_INPUT}).
     */
    public IntakeAdded addIntake(String url, String tlsPin, String intakeKey, String route) {
        checkIntakeUrl(url == null ? "" : url);
        URI address;
        try {
            address = new URI(url);
        } catch (URISyntaxException e) {
            throw new TanikException(Problem.INTAKE_URL_NOT_HTTPS);
        }
        if (address.getHost() == null) {
            throw new TanikException(Problem.INTAKE_URL_NOT_HTTPS);
        }
        IntakeAddress intake = new IntakeAddress(address, TlsPin.requireWellFormed(tlsPin), Keys.parse(intakeKey),
                route == null ? Route.TOR_ONLY : Route.parse(route));
        Organisation org = Organisation.require(vault.store());
        CoordinatorStores stores = vault.store().coordinator();
        stores.inTransaction(() -> {
            org.addIntake(intake);
            stores.audit().append("intake.add", org.fingerprint(), AuditDetail.of("audit.detail.intakeAdded",
                    intake.url().toString(), intake.tlsPin(), Keys.text(intake.intakeKey()), intake.route().code()));
        });
        org.signAuditHead(stores.audit());
        return new IntakeAdded(Intake.of(intake), Keys.text(org.signingPublicKey()));
    }

    /** The intake added with {@link #addIntake}, if any. */
    public Optional<Intake> intake() {
        return Organisation.require(vault.store()).intake().map(Intake::of);
    }

    /**
     * Writes a signed invitation for a new device to {@code out}, valid for {@code validDays} days.
     * When an intake was added ({@link #addIntake}), the invitation carries it, and {@code intakeUrl}
     * and {@code tlsPin}, if given, must be its own; otherwise they may be null, as before sync.
     * Returns the organisation, whose fingerprint the coordinator reads to the volunteer.
     */
    public Identity invite(Path out, String intakeUrl, String tlsPin, int validDays) {
        return invite(out, intakeUrl, tlsPin, validDays, Locale.ENGLISH);
    }

    /**
     * As {@link #invite(Path, String, String, int)}, with the file's human-readable note in
     * {@code language}: the organisation's, as its coordinator chose it for the desktop and command line.
     */
    public Identity invite(Path out, String intakeUrl, String tlsPin, int validDays, Locale language) {
        checkIntakeUrl(intakeUrl);
        Organisation org = Organisation.require(vault.store());
        Optional<IntakeAddress> added = org.intake();
        byte[] file;
        if (added.isPresent()) {
            IntakeAddress intake = added.get();
            if ((intakeUrl != null && !intakeUrl.equals(intake.url().toString()))
                    || (tlsPin != null && !tlsPin.equals(intake.tlsPin()))) {
                // A second address beside the one added would leave the volunteer with a key for the wrong server.
                throw new TanikException(Problem.INVALID_INPUT,
                        intakeUrl != null && !intakeUrl.equals(intake.url().toString()) ? "--intake-url" : "--tls-pin");
            }
            file = org.invite(intake, Duration.ofDays(validDays), clock, language);
        } else {
            file = org.invite(intakeUrl, tlsPin, Duration.ofDays(validDays), clock, language);
        }
        AtomicFiles.writeFile(out, file, files);
        return Identity.of(org);
    }

    /**
     * Writes the organisation's age identity to {@code out} (its owner's alone), for opening bundles
     * with the age tool, and records in the audit log that the key left the vault; then the
     * organisation signs the log's head. Returns that signed head, empty when the log does not verify.
     */
    public Optional<AuditTrail.Checkpoint> exportIdentity(Path out) {
        Organisation org = Organisation.require(vault.store());
        char[] text = org.ageIdentityFile(clock.instant());
        byte[] bytes = Secrets.utf8(CharBuffer.wrap(text));
        try {
            AtomicFiles.writeFile(out, bytes, files);
            restrict(out);
        } finally {
            Secrets.wipe(text);
            Secrets.wipe(bytes);
        }
        // The one key that opens every bundle left the vault: that belongs in the audit log.
        CoordinatorStores stores = vault.store().coordinator();
        stores.inTransaction(() -> stores.audit().append("identity.export", org.fingerprint(),
                AuditDetail.of("audit.detail.identityExport")));
        return AuditTrail.Checkpoint.of(org.signAuditHead(stores.audit()));
    }

    // --- the key's safe keeping: split into shares, restore, rotate ----------------------------------

    /** The most shares a split makes. */
    public static final int MAX_SHARES = KeyShare.MAX_SHARES;

    /** Whether {@code count} shares, any {@code threshold} of which restore the keys, is a split {@link #backup} makes. */
    public static boolean validSplit(int count, int threshold) {
        return KeyShare.validSplit(count, threshold);
    }

    /** The files of one written share: its text and its printable page. */
    public record ShareFiles(int number, Path text, Path page) {
    }

    /** What a split wrote: its id (as printed), threshold, and each share's files. */
    public record Split(String splitId, int threshold, List<ShareFiles> shares) {
    }

    /**
     * Splits the organisation's keys (age identity, retired ones, signing key, name) into {@code count}
     * shares, any {@code threshold} of which restore them, and writes each into {@code dir} as a text
     * file and a printable PDF page with a QR code, in {@code language}. Nothing is written if any of
     * those files exists already. The backup is recorded in the audit log (when, how many, which
     * split: never a share), and the log's head signed. {@code progress} hears each share written.
     */
    public Split backup(Path dir, int count, int threshold, Locale language, Progress<ShareFiles> progress) {
        if (!validSplit(count, threshold)) {
            throw new TanikException(Problem.KEY_SPLIT_RANGE, String.valueOf(MAX_SHARES));
        }
        Organisation org = Organisation.require(vault.store());
        OrganisationKeys keys = org.keys();
        List<KeyShare> shares;
        try {
            shares = KeyShare.split(keys, count, threshold);
        } finally {
            keys.wipe();
        }
        try {
            String id = KeyShare.readableId(shares.get(0).splitId());
            List<ShareFiles> planned = new ArrayList<>();
            for (KeyShare share : shares) {
                String base = "tanik-key-share-" + id + "-" + share.number() + "-of-" + count;
                planned.add(new ShareFiles(share.number(), dir.resolve(base + ".txt"), dir.resolve(base + ".pdf")));
            }
            for (ShareFiles f : planned) {
                for (Path p : List.of(f.text(), f.page())) {
                    if (Files.exists(p)) {
                        throw new TanikException(Problem.FILE_EXISTS, p.toString());
                    }
                }
            }
            Texts texts = Texts.of(NOTE_TEXTS, language);
            String date = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
            for (int i = 0; i < shares.size(); i++) {
                KeyShare share = shares.get(i);
                ShareFiles f = planned.get(i);
                writeShare(texts, id, date, share, f);
                progress.advanced(i + 1, shares.size(), f);
            }
            CoordinatorStores stores = vault.store().coordinator();
            stores.inTransaction(() -> stores.audit().append("key.backup", org.fingerprint(),
                    AuditDetail.of("audit.detail.keyBackup", id, count, threshold)));
            org.signAuditHead(stores.audit());
            return new Split(id, threshold, planned);
        } finally {
            shares.forEach(KeyShare::wipe);
        }
    }

    /** The texts of the share files and pages: the family the invitation's note is in (texts in files the organisation writes). */
    static final String NOTE_TEXTS = "org.tanik.i18n.invitation";

    /**
     * The printed page's texts. PDFBox neither joins Arabic letters nor lays lines out right to left, so
     * an Arabic page would print as separate letters, backwards: it is printed in English instead (the
     * text file beside it, which any editor shows properly, stays in Arabic).
     */
    static Texts pageTexts(Texts texts) {
        return "ar".equals(texts.locale().getLanguage()) ? Texts.of(NOTE_TEXTS, java.util.Locale.ENGLISH) : texts;
    }

    private void writeShare(Texts texts, String id, String date, KeyShare share, ShareFiles f) {
        String text = share.text();
        String file = "# " + texts.format("share.file.header", share.number(), share.count(), share.threshold()) + "\n"
                + "# " + texts.format("share.page.split", id, date) + "\n"
                + "# " + texts.format("share.file.keep") + "\n"
                + text + "\n";
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.writeFile(f.text(), bytes, files);
            restrict(f.text());
            byte[] page = SharePage.pdf(SharePage.content(pageTexts(texts), id, share.number(), share.count(),
                    share.threshold(), date, text));
            try {
                AtomicFiles.writeFile(f.page(), page, files);
                restrict(f.page());
            } finally {
                Secrets.wipe(page);
            }
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, f.page().toString());
        } finally {
            Secrets.wipe(bytes);
        }
    }

    /**
     * Reads and checks each share file on its own (SHARE_UNREADABLE for a typo), before anything is
     * unlocked: the command line says a mistyped share before it asks for the passphrase.
     */
    public static void checkShares(List<Path> shareFiles) {
        readShares(shareFiles).forEach(KeyShare::wipe);
    }

    /**
     * Reads shares from their text files (lines starting with # are comments), each checked on its
     * own; the caller wipes them.
     */
    private static List<KeyShare> readShares(List<Path> shareFiles) {
        List<KeyShare> shares = new ArrayList<>();
        for (Path p : shareFiles) {
            byte[] raw;
            try {
                if (Files.size(p) > 64 * 1024) {
                    throw new TanikException(Problem.SHARE_UNREADABLE, p.toString());
                }
                raw = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new TanikException(Problem.IO_FAILURE, e, p.toString());
            }
            StringBuilder text = new StringBuilder();
            for (String line : new String(raw, StandardCharsets.UTF_8).split("\\R")) {
                if (!line.strip().startsWith("#")) {
                    text.append(line).append(' ');
                }
            }
            Secrets.wipe(raw);
            shares.add(KeyShare.parse(text.toString(), p.toString()));
        }
        return shares;
    }

    /**
     * Makes this vault (one made with {@code vault init}, not an organisation's yet) the organisation's
     * with the keys the shares restore; refused, changing nothing, if it is an organisation's already
     * or the shares do not restore them. Recorded in the new vault's audit log.
     */
    public Identity restore(List<Path> shareFiles) {
        if (Organisation.load(vault.store()).isPresent()) {
            throw new TanikException(Problem.ALREADY_ORGANISATION);
        }
        List<KeyShare> shares = readShares(shareFiles);
        OrganisationKeys keys;
        try {
            keys = KeyShare.combine(shares);
        } finally {
            shares.forEach(KeyShare::wipe);
        }
        try {
            Organisation org = Organisation.restore(vault.store(), keys);
            CoordinatorStores stores = vault.store().coordinator();
            stores.inTransaction(() -> stores.audit().append("key.restore", org.fingerprint(),
                    AuditDetail.of("audit.detail.keyRestore", KeyShare.readableId(shares.get(0).splitId()),
                            shares.size())));
            org.signAuditHead(stores.audit());
            return Identity.of(org);
        } finally {
            keys.wipe();
        }
    }

    /**
     * Gives the organisation a new age identity after a suspected compromise: invitations from now on
     * name its recipient, and the old identity stays in the vault so bundles already made to it still
     * import. The signing key, and so the fingerprint, stays. Recorded in the audit log with both
     * recipients, and the log's head signed. Returns the organisation with its new recipient.
     */
    public Identity rotate() {
        Organisation org = Organisation.require(vault.store());
        String old = org.recipient();
        CoordinatorStores stores = vault.store().coordinator();
        String[] fresh = new String[1];
        stores.inTransaction(() -> {
            fresh[0] = org.rotate();
            stores.audit().append("key.rotate", org.fingerprint(), AuditDetail.of("audit.detail.keyRotate", old, fresh[0]));
        });
        org.signAuditHead(stores.audit());
        return Identity.of(org);
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system; nothing more to do.
        }
    }
}
