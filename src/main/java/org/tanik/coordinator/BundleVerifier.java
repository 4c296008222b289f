package org.tanik.coordinator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.tanik.bundle.BundleException;
import org.tanik.bundle.BundleLimits;
import org.tanik.bundle.BundleReader;
import org.tanik.bundle.VerifiedBundle;
import org.tanik.coordinator.imports.BundleAcceptance;
import org.tanik.coordinator.imports.ImportNote;
import org.tanik.coordinator.imports.RecordValidator;
import org.tanik.crypto.Ed25519Pem;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Vocabulary;

/**
 * Checks one bundle file as the import would, without importing it: with the organisation's key from
 * its vault ({@link CoordinatorDesk#bundleVerifier()}) or, on a machine without the vault, with an
 * exported identity file ({@link #withIdentityFile}). The key is destroyed after the one check.
 */
public final class BundleVerifier {

    /** An input the person gave that cannot be used; the face says which in its own words. */
    public static final class UnusableInput extends RuntimeException {
        public enum What { DEVICE_KEY, IDENTITY_FILE, IDENTITY_FILE_LINES }

        private final What what;

        UnusableInput(What what) {
            super(what.name(), null, false, false);
            this.what = what;
        }

        public What what() {
            return what;
        }
    }

    /** What the bundle says about itself, once it decrypted and its signature held. */
    public record Details(String bundleId, String device, String deviceKey, long sequence, String previousBundleSha256,
                          String createdAt, int records, String fileSha256) {
    }

    /**
     * The outcome: {@code details} is null when the bundle could not be read at all; {@code otherDevice}
     * when it was signed by another device than the one expected; {@code refusal} the import's reason
     * to refuse it (its {@link ImportNote#code()} for scripts), or null.
     */
    public record Verdict(Details details, boolean otherDevice, ImportNote refusal) {
        public boolean valid() {
            return !otherDevice && refusal == null;
        }
    }

    private final X25519Identity identity;
    /** Identities the organisation kept at rotations, tried after {@link #identity}. */
    private final List<X25519Identity> retired;
    private final Vocabulary vocabulary;
    private final Predicate<String> archived;

    private BundleVerifier(X25519Identity identity, Vocabulary vocabulary, Predicate<String> archived) {
        this(identity, List.of(), vocabulary, archived);
    }

    private BundleVerifier(X25519Identity identity, List<X25519Identity> retired, Vocabulary vocabulary,
                           Predicate<String> archived) {
        this.identity = identity;
        this.retired = List.copyOf(retired);
        this.vocabulary = vocabulary;
        this.archived = archived;
    }

    /** With the organisation's current identity and those it kept at rotations; all destroyed after the check. */
    static BundleVerifier withKeys(X25519Identity identity, List<X25519Identity> retired, Vocabulary vocabulary,
                                   Predicate<String> archived) {
        return new BundleVerifier(identity, retired, vocabulary, archived);
    }

    /** {@code archived}: whether the archive already holds an attachment, by content hash. */
    static BundleVerifier withKey(X25519Identity identity, Vocabulary vocabulary, Predicate<String> archived) {
        return new BundleVerifier(identity, vocabulary, archived);
    }

    /** A verifier with the one age identity in an exported identity file (the organisation's, offline). */
    public static BundleVerifier withIdentityFile(Path path, Vocabulary vocabulary) {
        try {
            List<X25519Identity> found = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (line.startsWith("AGE-SECRET-KEY-1")) {
                    found.add(X25519Identity.parse(line.strip()));
                }
            }
            if (found.size() != 1) {
                throw new UnusableInput(UnusableInput.What.IDENTITY_FILE_LINES);
            }
            // No archive here: every attachment a record names must travel in the bundle.
            return new BundleVerifier(found.get(0), vocabulary, sha256 -> false);
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, path.toString());
        } catch (IllegalArgumentException e) {
            throw new UnusableInput(UnusableInput.What.IDENTITY_FILE);
        }
    }

    /** A device's public key as given: a PEM file's path, or the key in base64 (32 bytes). */
    public static byte[] deviceKey(String key) {
        try {
            Path p = Path.of(key);
            if (Files.isRegularFile(p)) {
                return Ed25519Pem.parse(Files.readString(p, StandardCharsets.US_ASCII));
            }
            byte[] raw = Base64.getDecoder().decode(key.strip());
            if (raw.length != 32) {
                throw new IllegalArgumentException("length");
            }
            return raw;
        } catch (IOException | IllegalArgumentException e) {
            throw new UnusableInput(UnusableInput.What.DEVICE_KEY);
        }
    }

    /**
     * Checks {@code file}: decryption, signature, hashes, then the import's own rules (recipients,
     * records), so that it never calls valid what the import would refuse; {@code expectedDevice}, when
     * not null, is the public key the bundle must be signed with. Destroys the key afterwards.
     */
    public Verdict verify(Path file, byte[] expectedDevice) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X25519Identity> all = new ArrayList<>();
            all.add(identity);
            all.addAll(retired);
            VerifiedBundle b = BundleReader.read(in, all, BundleLimits.DEFAULT);
            Details details = new Details(b.manifest().bundleId().toString(), b.deviceFingerprint(),
                    Base64.getEncoder().encodeToString(b.devicePublicKey()), b.manifest().sequence(),
                    b.manifest().previousBundleSha256(), b.manifest().createdAt().toString(), b.testimonies().size(),
                    b.fileSha256());
            ImportNote refused = new BundleAcceptance(new RecordValidator(vocabulary),
                    List.of(identity.recipient().encode()), retired.stream().map(r -> r.recipient().encode()).toList(),
                    archived).firstProblem(b);
            boolean otherDevice = expectedDevice != null && !Arrays.equals(expectedDevice, b.devicePublicKey());
            return new Verdict(details, otherDevice, otherDevice ? null : refused);
        } catch (BundleException e) {
            return new Verdict(null, false, ImportNote.of(e.reason()));
        } catch (NoSuchFileException e) {
            throw new TanikException(Problem.IO_FAILURE, e, file.toString());
        } finally {
            identity.destroy();
            retired.forEach(X25519Identity::destroy);
        }
    }
}
