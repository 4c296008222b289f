package org.tanik.coordinator;

import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.tanik.crypto.Secrets;
import org.tanik.enrolment.Organisation;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.session.OpenVault;
import org.tanik.store.coordinator.AuditDetail;
import org.tanik.store.coordinator.CoordinatorStores;

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
     * Writes a signed invitation for a new device to {@code out}, valid for {@code validDays} days;
     * {@code intakeUrl} and {@code tlsPin} may be null. Returns the organisation, whose fingerprint the
     * coordinator reads to the volunteer.
     */
    public Identity invite(Path out, String intakeUrl, String tlsPin, int validDays) {
        checkIntakeUrl(intakeUrl);
        Organisation org = Organisation.require(vault.store());
        byte[] file = org.invite(intakeUrl, tlsPin, Duration.ofDays(validDays), clock);
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

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system; nothing more to do.
        }
    }
}
