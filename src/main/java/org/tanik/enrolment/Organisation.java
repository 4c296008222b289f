package org.tanik.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Fingerprint;
import org.tanik.crypto.Secrets;
import org.tanik.crypto.age.X25519Identity;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Json;
import org.tanik.store.VaultSession;
import org.tanik.store.coordinator.AuditLog;
import org.tanik.store.db.VaultSecrets;
import org.tanik.sync.IntakeAddress;
import org.tanik.sync.Keys;
import org.tanik.sync.Route;

/**
 * The organisation's keys, kept sealed in the coordinator's vault: the age X25519 identity that
 * opens bundles, and the Ed25519 key that signs invitations and the audit log's checkpoints. A vault
 * holding them is an organisation vault.
 */
public final class Organisation {

    static final String NAME = "org.name";
    static final String AGE_KEY = "org.x25519";
    static final String SIGNING_KEY = "org.ed25519";
    /**
     * The age keys this organisation used before its rotations (32 bytes each, oldest first): kept so
     * that bundles made to an earlier recipient still open.
     */
    static final String RETIRED_AGE_KEYS = "org.x25519.retired";
    /** The intake the organisation added (JSON: url, tlsPin, intakeKey, route). */
    static final String INTAKE = "org.intake";
    /**
     * Set when a vault was created to become the organisation's but is not yet (the desktop's
     * coordinator path, before the organisation is named); sealed like the rest, so nothing outside the
     * vault tells a coordinator's laptop from a volunteer's.
     */
    static final String PENDING = "org.pending";
    private final VaultSecrets secrets;
    private final String name;

    private Organisation(VaultSecrets secrets, String name) {
        this.secrets = secrets;
        this.name = name;
    }

    /** Makes this vault an organisation vault. Refused if it already is one. */
    public static Organisation init(VaultSession vault, String name) {
        if (name == null || name.isBlank()) {
            throw new TanikException(Problem.ORGANISATION_NAME_MISSING);
        }
        VaultSecrets s = vault.secrets();
        if (s.contains(NAME)) {
            throw new TanikException(Problem.ALREADY_ORGANISATION);
        }
        X25519Identity identity = X25519Identity.generate();
        byte[] ageKey = identity.secretKey();
        byte[] signing = Ed25519.generatePrivateKey();
        try {
            s.put(AGE_KEY, ageKey);
            s.put(SIGNING_KEY, signing);
            s.put(NAME, name.strip().getBytes(StandardCharsets.UTF_8));
            s.remove(PENDING);
        } finally {
            Secrets.wipe(ageKey, signing);
            identity.destroy();
        }
        return new Organisation(s, name.strip());
    }

    /**
     * Makes this vault the organisation's with the keys of {@code keys} (what {@link #keys} gave on
     * another vault, restored from shares): its age keys, old ones included, its signing key and its
     * name. Refused if the vault is an organisation's already.
     */
    public static Organisation restore(VaultSession vault, OrganisationKeys keys) {
        VaultSecrets s = vault.secrets();
        if (s.contains(NAME)) {
            throw new TanikException(Problem.ALREADY_ORGANISATION);
        }
        s.put(AGE_KEY, keys.ageKey());
        s.put(SIGNING_KEY, keys.signingKey());
        if (keys.retiredAgeKeys().length > 0) {
            s.put(RETIRED_AGE_KEYS, keys.retiredAgeKeys());
        }
        s.put(NAME, keys.name().getBytes(StandardCharsets.UTF_8));
        s.remove(PENDING);
        return new Organisation(s, keys.name());
    }

    /**
     * Everything that makes this organisation, for splitting into shares: the caller wipes it
     * ({@link OrganisationKeys#wipe}).
     */
    public OrganisationKeys keys() {
        byte[] age = secrets.get(AGE_KEY).orElseThrow();
        byte[] signing = secrets.get(SIGNING_KEY).orElseThrow();
        byte[] retired = secrets.get(RETIRED_AGE_KEYS).orElse(new byte[0]);
        return new OrganisationKeys(age, signing, retired, name);
    }

    /**
     * Replaces the age identity with a new one, keeping the old one (see {@link #retiredIdentities})
     * so that bundles already made to it still open. The signing key, and so the fingerprint, stays.
     * Returns the new recipient.
     */
    public String rotate() {
        byte[] old = secrets.get(AGE_KEY).orElseThrow();
        byte[] retired = secrets.get(RETIRED_AGE_KEYS).orElse(new byte[0]);
        byte[] kept = new byte[retired.length + old.length];
        X25519Identity fresh = X25519Identity.generate();
        byte[] key = fresh.secretKey();
        try {
            System.arraycopy(retired, 0, kept, 0, retired.length);
            System.arraycopy(old, 0, kept, retired.length, old.length);
            secrets.put(RETIRED_AGE_KEYS, kept);
            secrets.put(AGE_KEY, key);
            return fresh.recipient().encode();
        } finally {
            Secrets.wipe(old, retired, kept, key);
            fresh.destroy();
        }
    }

    /** The identities of earlier age keys, oldest first (none before a rotation); destroy them after use. */
    public List<X25519Identity> retiredIdentities() {
        byte[] retired = secrets.get(RETIRED_AGE_KEYS).orElse(new byte[0]);
        try {
            List<X25519Identity> out = new java.util.ArrayList<>();
            for (int i = 0; i + 32 <= retired.length; i += 32) {
                byte[] k = java.util.Arrays.copyOfRange(retired, i, i + 32);
                try {
                    out.add(X25519Identity.fromSecretKey(k));
                } finally {
                    Secrets.wipe(k);
                }
            }
            return out;
        } finally {
            Secrets.wipe(retired);
        }
    }

    /** Marks a vault created to become the organisation's, until {@link #init} names it. */
    public static void markPending(VaultSession vault) {
        vault.secrets().put(PENDING, new byte[] {1});
    }

    /** True when the vault was created to become the organisation's and is not yet. */
    public static boolean pending(VaultSession vault) {
        return vault.secrets().contains(PENDING) && !vault.secrets().contains(NAME);
    }

    /** Forgets {@link #markPending}: this vault stays a volunteer's. */
    public static void cancelPending(VaultSession vault) {
        vault.secrets().remove(PENDING);
    }

    public static Optional<Organisation> load(VaultSession vault) {
        return vault.secrets().get(NAME).map(n -> new Organisation(vault.secrets(), new String(n, StandardCharsets.UTF_8)));
    }

    public static Organisation require(VaultSession vault) {
        return load(vault).orElseThrow(() -> new TanikException(Problem.NOT_ORGANISATION));
    }

    public String name() {
        return name;
    }

    /** The identity that opens bundles; destroy it after use. */
    public X25519Identity identity() {
        byte[] k = secrets.get(AGE_KEY).orElseThrow();
        try {
            return X25519Identity.fromSecretKey(k);
        } finally {
            Secrets.wipe(k);
        }
    }

    public String recipient() {
        X25519Identity id = identity();
        try {
            return id.recipient().encode();
        } finally {
            id.destroy();
        }
    }

    public byte[] signingPublicKey() {
        byte[] k = secrets.get(SIGNING_KEY).orElseThrow();
        try {
            return Ed25519.publicKey(k);
        } finally {
            Secrets.wipe(k);
        }
    }

    public String fingerprint() {
        return Fingerprint.organisation(signingPublicKey());
    }

    /** A signed invitation for a new volunteer device, with an intake address and pin only (or none). */
    public byte[] invite(String intakeUrl, String tlsPin, Duration validFor, Clock clock) {
        return invite(intakeUrl, tlsPin, validFor, clock, Locale.ENGLISH);
    }

    /** As {@link #invite(String, String, Duration, Clock)}, its human-readable note in {@code language}. */
    public byte[] invite(String intakeUrl, String tlsPin, Duration validFor, Clock clock, Locale language) {
        return invite(intakeUrl, tlsPin, null, null, validFor, clock, language);
    }

    /** A signed invitation carrying this intake (its address, pin, receipt key and route), its note in {@code language}. */
    public byte[] invite(IntakeAddress intake, Duration validFor, Clock clock, Locale language) {
        return invite(intake.url().toString(), intake.tlsPin(), Keys.text(intake.intakeKey()), intake.route().code(),
                validFor, clock, language);
    }

    private byte[] invite(String intakeUrl, String tlsPin, String intakeKey, String route, Duration validFor,
                          Clock clock, Locale language) {
        Instant now = clock.instant();
        Invitation inv = new Invitation(name, List.of(recipient()), signingPublicKey(), intakeUrl, tlsPin, intakeKey,
                route, now, now.plus(validFor));
        byte[] k = secrets.get(SIGNING_KEY).orElseThrow();
        try {
            return new InvitationCodec().write(inv, k, language);
        } finally {
            Secrets.wipe(k);
        }
    }

    /**
     * Remembers the organisation's intake, replacing any before; sealed like the keys, since its
     * address (an onion address, often) and pin say where the organisation receives testimonies.
     */
    public void addIntake(IntakeAddress intake) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("url", intake.url().toString());
        o.put("tlsPin", intake.tlsPin());
        o.put("intakeKey", Keys.text(intake.intakeKey()));
        o.put("route", intake.route().code());
        try {
            secrets.put(INTAKE, Json.mapper().writeValueAsBytes(o));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The intake added with {@link #addIntake}, if any. */
    public Optional<IntakeAddress> intake() {
        return secrets.get(INTAKE).map(bytes -> {
            try {
                JsonNode o = Json.mapper().readTree(bytes);
                return new IntakeAddress(URI.create(o.get("url").asText()), o.get("tlsPin").asText(),
                        Keys.parse(o.get("intakeKey").asText()), Route.parse(o.get("route").asText()));
            } catch (IOException | RuntimeException e) {
                // Sealed and bound to its name: only a change of this code could make it unreadable.
                throw new TanikException(Problem.RECORD_TAMPERED);
            }
        });
    }

    /**
     * Runs {@code work} with the organisation's Ed25519 signing key (for the intake: its requests and
     * the allow-list), wiped when the work returns. Whoever keeps a copy wipes it.
     */
    public <T> T withSigningKey(Function<byte[], T> work) {
        byte[] k = secrets.get(SIGNING_KEY).orElseThrow();
        try {
            return work.apply(k);
        } finally {
            Secrets.wipe(k);
        }
    }

    /**
     * Signs the audit log's head as a checkpoint with the organisation's signing key, which is wiped
     * right after; empty when the log does not verify. Call after each import and export.
     */
    public Optional<AuditLog.Checkpoint> signAuditHead(AuditLog log) {
        byte[] publicKey = signingPublicKey();
        byte[] k = secrets.get(SIGNING_KEY).orElseThrow();
        try {
            return log.checkpoint(publicKey, message -> Ed25519.sign(k, message));
        } finally {
            Secrets.wipe(k);
        }
    }

    /**
     * Checks the audit log, its checkpoints' signatures included, with the organisation's public key
     * when this vault has one (otherwise without signatures: a volunteer's vault signs none).
     */
    public static AuditLog.Verification verifyAudit(VaultSession vault) {
        return vault.coordinator().audit().verify(load(vault).map(Organisation::signingPublicKey).orElse(null));
    }

    /** The standard age identity file, for opening bundles with the age tool on a secure machine. */
    public char[] ageIdentityFile(Instant now) {
        X25519Identity id = identity();
        try {
            String text = "# Tanik organisation identity for " + name + "\n# created: " + now + "\n# public key: "
                    + id.recipient().encode() + "\n" + id.encode() + "\n";
            return text.toCharArray();
        } finally {
            id.destroy();
        }
    }
}
