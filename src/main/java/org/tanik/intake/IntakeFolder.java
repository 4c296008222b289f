package org.tanik.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Random;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.sync.Keys;

/**
 * The intake's data folder, its owner's alone:
 * <pre>
 *   intake.json            settings and limits (no secret)
 *   tls.p12                TLS key and self-signed certificate (PKCS12)
 *   tls.password           the PKCS12 password: the TLS key protects transport, not testimony
 *   tls-certificate.pem    the certificate alone (public)
 *   receipt.key            the Ed25519 key that signs receipts (32 raw bytes)
 *   index.mv.db            the H2 index: devices, uploads, bundles, nonces (nothing secret)
 *   uploads/ID             partial uploads (ciphertext)
 *   blobs/SHA256           finished bundles, content-addressed (ciphertext)
 * </pre>
 */
public final class IntakeFolder {

    static final String CONFIG = "intake.json";
    static final String TLS = "tls.p12";
    static final String TLS_PASSWORD = "tls.password";
    static final String CERTIFICATE = "tls-certificate.pem";
    static final String RECEIPT_KEY = "receipt.key";

    /** What {@code intake init} prints: the pin and the receipt key, for {@code org add-intake}. */
    public record Created(String tlsPin, String intakeKey) {
    }

    private final Path dir;

    public IntakeFolder(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    public Path dir() {
        return dir;
    }

    /** Creates a new data folder; an existing one that is not empty is refused, never overwritten. */
    public Created init(String listen, String organisationKey) {
        IntakeConfig config = IntakeConfig.defaults(listen == null ? IntakeConfig.DEFAULT_LISTEN : listen);
        if (organisationKey != null) {
            config = config.withOrganisationKey(organisationKey);
        }
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new TanikException(Problem.FILE_EXISTS, dir.toString());
                    }
                }
            }
            ownerOnlyFolder(dir);
            ownerOnlyFolder(dir.resolve("uploads"));
            ownerOnlyFolder(dir.resolve("blobs"));
            char[] password = Base64.getEncoder().encodeToString(Random.bytes(24)).toCharArray();
            byte[] receiptKey = Ed25519.generatePrivateKey();
            try {
                byte[] p12 = TlsIdentity.generate(ListenAddress.parse(config.listen()).host(), password);
                AtomicFiles.write(dir.resolve(TLS_PASSWORD), new String(password).getBytes(StandardCharsets.US_ASCII));
                AtomicFiles.write(dir.resolve(TLS), p12);
                KeyStore store = TlsIdentity.load(p12, password);
                AtomicFiles.write(dir.resolve(CERTIFICATE), TlsIdentity.pem(TlsIdentity.certificate(store)));
                AtomicFiles.write(dir.resolve(RECEIPT_KEY), receiptKey);
                AtomicFiles.write(dir.resolve(CONFIG), config.json());
                return new Created(TlsIdentity.pin(store), Keys.text(Ed25519.publicKey(receiptKey)));
            } finally {
                Arrays.fill(password, '\0');
                Arrays.fill(receiptKey, (byte) 0);
            }
        } catch (IOException e) {
            throw AtomicFiles.failure(e, dir);
        }
    }

    /** Records the organisation's signing key ({@code intake trust}); a running intake reads it at its next start. */
    public void trust(String organisationKey) {
        IntakeConfig config = config().withOrganisationKey(organisationKey);
        try {
            AtomicFiles.write(dir.resolve(CONFIG), config.json());
        } catch (IOException e) {
            throw AtomicFiles.failure(e, dir.resolve(CONFIG));
        }
    }

    public IntakeConfig config() {
        return IntakeConfig.parse(read(CONFIG));
    }

    /** Rewrites intake.json (tests and operators' tools; the format is the one {@link #config} reads). */
    public void config(IntakeConfig config) {
        try {
            AtomicFiles.write(dir.resolve(CONFIG), config.json());
        } catch (IOException e) {
            throw AtomicFiles.failure(e, dir.resolve(CONFIG));
        }
    }

    KeyStore tlsKeyStore(char[] password) {
        return TlsIdentity.load(read(TLS), password);
    }

    char[] tlsPassword() {
        byte[] raw = read(TLS_PASSWORD);
        char[] password = new String(raw, StandardCharsets.US_ASCII).trim().toCharArray();
        Arrays.fill(raw, (byte) 0);
        return password;
    }

    /** The receipt-signing private key; the caller wipes it. */
    byte[] receiptKey() {
        byte[] key = read(RECEIPT_KEY);
        if (key.length != Ed25519.PRIVATE_KEY_BYTES) {
            throw new TanikException(Problem.KEY_FILE_DAMAGED);
        }
        return key;
    }

    /** The TLS certificate, PEM (public): what a non-Tanik client needs as its CA file. */
    public Path certificatePem() {
        return dir.resolve(CERTIFICATE);
    }

    Path uploads() {
        return dir.resolve("uploads");
    }

    Path blobs() {
        return dir.resolve("blobs");
    }

    private byte[] read(String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new TanikException(Problem.IO_FAILURE, file.toString()); // not an intake data folder
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw AtomicFiles.failure(e, file);
        }
    }

    static void ownerOnlyFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString("rwx------"));
        }
    }
}
