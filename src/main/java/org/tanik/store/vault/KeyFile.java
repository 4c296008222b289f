package org.tanik.store.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tanik.crypto.Aead;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.Hkdf;
import org.tanik.crypto.PassphraseKdf;
import org.tanik.crypto.Random;
import org.tanik.crypto.Secrets;
import org.tanik.crypto.Sha256;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.model.Json;

/**
 * The vault's small key file: Argon2id parameters and salt, and the wrapped keys.
 *
 * <p>Format 2 (every vault made or opened since issue 17) holds exactly two slots of equal length in
 * random order. A slot is AES-256-GCM over {@code master key || compartment name || flags} under the
 * key one passphrase derives with the file's one salt; its associated data binds the vault id, the
 * parameters, the salt and the slot's index. An unused slot is random bytes of the same length, so a
 * file with a duress passphrase and one without have the same shape. Unlocking derives once and tries
 * both slots, always. The file also carries the wipe policy and the count of failures in a row, under
 * a tag: an edited or missing counter is read as tampering (see {@link #counterIntact()}).
 *
 * <p>Format 3 (issue 19) gives each slot its own Argon2id parameters and salt, so that re-keying one
 * slot can raise its cost without the other slot's passphrase: a passphrase change gives the slot it
 * opens the current parameters and leaves the other slot exactly as it was, whether that is a decoy,
 * the real vault or random bytes, so the file shows nothing of which it was. Slots that share their
 * parameters and salt cost one derivation together. A slot keeps format 2's associated data (with
 * its own parameters and salt in it), so a format-2 file reads as format 3 without re-sealing; it is
 * written back as format 3.
 *
 * <p>Format 1 (one wrapped master key, the database at the top of the vault folder) is still read;
 * the first unlock turns it into format 3 with the same salt (see {@code Vaults}).
 */
public final class KeyFile {

    public static final String FILE_NAME = "vault.key";
    static final int FORMAT_VERSION = 3;
    /** The format whose slot associated data every later format keeps (see {@link #slotAssociatedData}). */
    private static final int SLOT_FORMAT = 2;
    public static final int SLOTS = 2;
    /** Bytes of a compartment's name in a slot; the folder name is their hex. */
    public static final int NAME_BYTES = 16;
    /** The slot opens a decoy. */
    public static final int FLAG_DECOY = 1;
    /** Opening this slot erases the other compartment (duress "erase the real vault"). */
    public static final int FLAG_ERASE_OTHER = 2;
    static final int SLOT_PLAIN_BYTES = MasterKey.BYTES + NAME_BYTES + 1;
    static final int SLOT_BYTES = Aead.NONCE_BYTES + SLOT_PLAIN_BYTES + Aead.TAG_BITS / 8;
    private static final String FORMAT = "tanik-vault-key";
    private static final ObjectMapper JSON = Json.mapper();

    private final int formatVersion;
    private final String vaultId;
    private final Argon2Params params;
    private final byte[] salt;
    private final byte[][] slots;
    /** Each slot's own parameters and salt (format 1 and 2: the file's, for every slot). */
    private final Argon2Params[] slotParams;
    private final byte[][] slotSalts;
    private final int wipeAfter;
    private final int failures;
    private final boolean counterIntact;

    private KeyFile(int formatVersion, String vaultId, Argon2Params params, byte[] salt, byte[][] slots,
                    int wipeAfter, int failures, boolean counterIntact) {
        this(formatVersion, vaultId, params, salt, slots, filled(slots.length, params), filled(slots.length, salt),
                wipeAfter, failures, counterIntact);
    }

    private KeyFile(int formatVersion, String vaultId, Argon2Params params, byte[] salt, byte[][] slots,
                    Argon2Params[] slotParams, byte[][] slotSalts, int wipeAfter, int failures, boolean counterIntact) {
        this.formatVersion = formatVersion;
        this.vaultId = vaultId;
        this.params = params;
        this.salt = salt;
        this.slots = slots;
        this.slotParams = slotParams;
        this.slotSalts = slotSalts;
        this.wipeAfter = wipeAfter;
        this.failures = failures;
        this.counterIntact = counterIntact;
    }

    /** What one slot holds: the index it sits at, its master key (the caller wipes it), its compartment. */
    public record Slot(int index, byte[] masterKey, String compartment, int flags) {
        public boolean decoy() {
            return (flags & FLAG_DECOY) != 0;
        }

        public boolean erasesOther() {
            return (flags & FLAG_ERASE_OTHER) != 0;
        }
    }

    private static Argon2Params[] filled(int n, Argon2Params params) {
        Argon2Params[] a = new Argon2Params[n];
        java.util.Arrays.fill(a, params);
        return a;
    }

    private static byte[][] filled(int n, byte[] salt) {
        byte[][] a = new byte[n][];
        java.util.Arrays.fill(a, salt);
        return a;
    }

    /** A copy with other slots, slot parameters, salts or counter; the file's own parameters and salt stay. */
    private KeyFile copy(byte[][] newSlots, Argon2Params[] newParams, byte[][] newSalts, int after, int failureCount,
                         boolean intact) {
        return new KeyFile(formatVersion, vaultId, params, salt, newSlots, newParams, newSalts, after, failureCount, intact);
    }

    /** A new file (current format) with fresh salt, both slots random and no wipe policy. */
    public static KeyFile create(String vaultId, Argon2Params params) {
        return fresh(vaultId, params, Random.bytes(16));
    }

    private static KeyFile fresh(String vaultId, Argon2Params params, byte[] salt) {
        return new KeyFile(FORMAT_VERSION, vaultId, params, salt,
                new byte[][] {Random.bytes(SLOT_BYTES), Random.bytes(SLOT_BYTES)}, 0, 0, true);
    }

    /** A format-1 file (one wrapped key): only to re-key a vault not unlocked since format 2 came. */
    public static KeyFile createFormat1(String vaultId, byte[] masterKey, char[] passphrase, Argon2Params params) {
        KeyFile shape = new KeyFile(1, vaultId, params, Random.bytes(16), new byte[][] {null}, 0, 0, true);
        byte[] kek = shape.derive(passphrase);
        try {
            shape.slots[0] = Aead.seal(kek, masterKey, shape.associatedData(0));
            return shape;
        } finally {
            Secrets.wipe(kek);
        }
    }

    /** This format-1 file in the current format with the same salt and parameters: the same passphrase key opens it. */
    public KeyFile asCurrentFormat() {
        return fresh(vaultId, params, salt.clone());
    }

    /** The key a passphrase derives under this file's salt and parameters: one Argon2id run. */
    public byte[] derive(char[] passphrase) {
        return PassphraseKdf.derive(passphrase, salt, params);
    }

    /** The key a passphrase derives under slot {@code index}'s salt and parameters: one Argon2id run. */
    public byte[] derive(char[] passphrase, int index) {
        return PassphraseKdf.derive(passphrase, slotSalts[index], slotParams[index]);
    }

    /**
     * Tries every slot with the key {@code passphrase} derives under that slot's parameters and salt:
     * one derivation per distinct pair, every pair derived and every slot tried whichever opens, so the
     * work (and the time) does not depend on which slot the passphrase opens, or on whether one does.
     */
    public Optional<Slot> open(char[] passphrase) {
        Slot found = null;
        byte[][] keks = new byte[slots.length][];
        try {
            for (int i = 0; i < slots.length; i++) {
                int same = sameKdfBefore(i);
                keks[i] = same >= 0 ? keks[same] : derive(passphrase, i);
                Optional<Slot> s = openSlot(keks[i], i);
                if (s.isPresent() && found == null) {
                    found = s.get();
                } else {
                    s.ifPresent(extra -> Secrets.wipe(extra.masterKey()));
                }
            }
            return Optional.ofNullable(found);
        } finally {
            Secrets.wipe(keks);
        }
    }

    /** The first slot before {@code index} with the same parameters and salt, or -1. */
    private int sameKdfBefore(int index) {
        for (int j = 0; j < index; j++) {
            if (slotParams[j].equals(slotParams[index]) && Arrays.equals(slotSalts[j], slotSalts[index])) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Tries every slot with {@code kek} (all of them, whichever opens, so the time does not tell
     * which one did). Empty when none opens: a wrong passphrase or a tampered slot. Only for a key
     * derived under the file's own parameters and salt ({@link #derive(char[])}).
     */
    public Optional<Slot> open(byte[] kek) {
        Slot found = null;
        for (int i = 0; i < slots.length; i++) {
            Optional<Slot> s = openSlot(kek, i);
            if (s.isPresent() && found == null) {
                found = s.get();
            } else {
                s.ifPresent(extra -> Secrets.wipe(extra.masterKey()));
            }
        }
        return Optional.ofNullable(found);
    }

    private Optional<Slot> openSlot(byte[] kek, int i) {
        byte[] plain;
        try {
            plain = Aead.open(kek, slots[i], slotAssociatedData(i));
        } catch (Aead.AuthenticationException e) {
            return Optional.empty();
        }
        if (formatVersion == 1) {
            return Optional.of(new Slot(0, plain, null, 0));
        }
        try {
            if (plain.length != SLOT_PLAIN_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Slot(i, Arrays.copyOf(plain, MasterKey.BYTES),
                    HexFormat.of().formatHex(plain, MasterKey.BYTES, MasterKey.BYTES + NAME_BYTES),
                    plain[SLOT_PLAIN_BYTES - 1]));
        } finally {
            Secrets.wipe(plain);
        }
    }

    /** A copy with slot {@code index} wrapping {@code masterKey} for {@code compartment} under {@code kek}. */
    public KeyFile withSlot(int index, byte[] kek, byte[] masterKey, String compartment, int flags) {
        requireCompartments();
        byte[] plain = new byte[SLOT_PLAIN_BYTES];
        try {
            System.arraycopy(masterKey, 0, plain, 0, MasterKey.BYTES);
            System.arraycopy(HexFormat.of().parseHex(compartment), 0, plain, MasterKey.BYTES, NAME_BYTES);
            plain[SLOT_PLAIN_BYTES - 1] = (byte) flags;
            byte[][] copy = slots.clone();
            copy[index] = Aead.seal(kek, plain, slotAssociatedData(index));
            return copy(copy, slotParams, slotSalts, wipeAfter, failures, counterIntact);
        } finally {
            Secrets.wipe(plain);
        }
    }

    /**
     * A copy with slot {@code index} wrapping {@code masterKey} under {@code passphrase} with
     * {@code target} parameters: the other slot's salt when it already has those parameters (one
     * derivation then opens both, as in a new file), else a fresh salt. The other slot is not touched.
     */
    public KeyFile withRekeyedSlot(int index, char[] passphrase, byte[] masterKey, String compartment, int flags,
                                   Argon2Params target) {
        KeyFile shaped = withSlotKdf(index, target);
        byte[] kek = shaped.derive(passphrase, index);
        try {
            return shaped.withSlot(index, kek, masterKey, compartment, flags);
        } finally {
            Secrets.wipe(kek);
        }
    }

    /** A copy whose slot {@code index} is random bytes under {@code target} parameters, salted as {@link #withRekeyedSlot}. */
    public KeyFile withRandomSlot(int index, Argon2Params target) {
        return withSlotKdf(index, target).withRandomSlot(index);
    }

    private KeyFile withSlotKdf(int index, Argon2Params target) {
        requireCompartments();
        int other = 1 - index;
        byte[] newSalt = slotParams[other].equals(target) ? slotSalts[other] : Random.bytes(16);
        Argon2Params[] p = slotParams.clone();
        byte[][] s = slotSalts.clone();
        p[index] = target;
        s[index] = newSalt;
        return copy(slots, p, s, wipeAfter, failures, counterIntact);
    }

    /** A copy whose slot {@code index} is random bytes (its parameters and salt kept): nothing opens it any more. */
    public KeyFile withRandomSlot(int index) {
        requireCompartments();
        byte[][] copy = slots.clone();
        copy[index] = Random.bytes(SLOT_BYTES);
        return copy(copy, slotParams, slotSalts, wipeAfter, failures, counterIntact);
    }

    /** A copy with this wipe policy and failure count, under a fresh tag. */
    public KeyFile withCounter(int after, int failureCount) {
        requireCompartments();
        return copy(slots, slotParams, slotSalts, after, failureCount, true);
    }

    /** A copy asking for other parameters, for the file and every slot (tests of the limits: the slots no longer open). */
    public KeyFile withParams(Argon2Params other) {
        return new KeyFile(formatVersion, vaultId, other, salt, slots, filled(slots.length, other), slotSalts,
                wipeAfter, failures, counterIntact);
    }

    private void requireCompartments() {
        if (formatVersion == 1) {
            throw new IllegalStateException("format " + formatVersion);
        }
    }

    public int formatVersion() {
        return formatVersion;
    }

    public String vaultId() {
        return vaultId;
    }

    public Argon2Params params() {
        return params;
    }

    /** The parameters slot {@code index} is derived with. */
    public Argon2Params params(int index) {
        return slotParams[index];
    }

    /** The salt slot {@code index} is derived with. */
    public byte[] salt(int index) {
        return slotSalts[index].clone();
    }

    public byte[] salt() {
        return salt.clone();
    }

    /** The slot's bytes as stored (tests compare them with what is left on disk). */
    public byte[] slot(int index) {
        return slots[index].clone();
    }

    public int slotCount() {
        return slots.length;
    }

    /** After how many failures in a row the vault is erased; 0 when never. */
    public int wipeAfter() {
        return wipeAfter;
    }

    /** Wrong passphrases in a row since the last unlock. */
    public int failures() {
        return failures;
    }

    /**
     * False when the wipe counter is missing, malformed or its tag does not match: someone edited
     * it. The caller then reads the strictest policy (see {@code Vaults}). Always true in format 1.
     */
    public boolean counterIntact() {
        return counterIntact;
    }

    public static KeyFile read(Path vaultDir) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(vaultDir.resolve(FILE_NAME));
        } catch (NoSuchFileException e) {
            throw new TanikException(Problem.NO_VAULT, vaultDir.toString());
        } catch (IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, FILE_NAME);
        }
        return parse(bytes);
    }

    static KeyFile parse(byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (!FORMAT.equals(text(root, "format"))) {
                throw damaged();
            }
            int version = root.path("version").asInt(-1);
            if (version > FORMAT_VERSION) {
                throw new TanikException(Problem.NEWER_VAULT_FORMAT);
            }
            if (version < 1) {
                throw damaged();
            }
            JsonNode kdf = root.path("kdf");
            JsonNode wrap = root.path("wrap");
            if (!"argon2id".equals(text(kdf, "algorithm")) || !"AES-256-GCM".equals(text(wrap, "algorithm"))) {
                throw damaged();
            }
            Argon2Params params = paramsOf(kdf);
            byte[] salt = base64(text(kdf, "salt"));
            String vaultId = text(root, "vaultId");
            KeyFile file;
            if (version == 1) {
                file = new KeyFile(1, vaultId, params, salt,
                        new byte[][] {base64(text(wrap, "ciphertext"))}, 0, 0, true);
            } else {
                JsonNode list = wrap.get("slots");
                if (list == null || !list.isArray() || list.size() != SLOTS) {
                    throw damaged();
                }
                byte[][] slots = new byte[SLOTS][];
                Argon2Params[] slotParams = filled(SLOTS, params);
                byte[][] slotSalts = filled(SLOTS, salt);
                JsonNode kdfs = wrap.get("slotKdf");
                if (version >= 3 && (kdfs == null || !kdfs.isArray() || kdfs.size() != SLOTS)) {
                    throw damaged();
                }
                for (int i = 0; i < SLOTS; i++) {
                    slots[i] = base64(list.get(i).asText(""));
                    if (slots[i].length != SLOT_BYTES) {
                        throw damaged();
                    }
                    if (version >= 3) {
                        slotParams[i] = paramsOf(kdfs.get(i));
                        slotSalts[i] = base64(text(kdfs.get(i), "salt"));
                    }
                }
                file = withReadCounter(new KeyFile(version, vaultId, params, salt, slots, slotParams, slotSalts, 0, 0,
                        true), root.get("wipe"));
            }
            if (!params.withinLimits() || file.salt.length < 16 || !file.checksum().equals(text(root, "checksum"))) {
                throw damaged();
            }
            for (int i = 0; i < file.slots.length; i++) {
                if (!file.slotParams[i].withinLimits() || file.slotSalts[i].length < 16) {
                    throw damaged();
                }
            }
            // A format-2 file is read as the current format: its slots keep their associated data.
            return version == 1 ? file : file.inFormat(FORMAT_VERSION);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw damaged();
        }
    }

    private static Argon2Params paramsOf(JsonNode kdf) {
        return new Argon2Params(kdf.path("memoryKiB").asInt(-1), kdf.path("iterations").asInt(-1),
                kdf.path("parallelism").asInt(-1));
    }

    private KeyFile inFormat(int version) {
        return new KeyFile(version, vaultId, params, salt, slots, slotParams, slotSalts, wipeAfter, failures,
                counterIntact);
    }

    /** The counter as written when its tag holds; else the numbers read (or 0) marked as tampered. */
    private static KeyFile withReadCounter(KeyFile file, JsonNode wipe) {
        if (wipe == null || !wipe.isObject()) {
            return file.copy(file.slots, file.slotParams, file.slotSalts, 0, 0, false);
        }
        int after = Math.max(0, wipe.path("after").asInt(0));
        int failures = Math.max(0, wipe.path("failures").asInt(0));
        boolean intact = wipe.path("after").isInt() && wipe.path("failures").isInt()
                && MessageDigest.isEqual(file.counterTag(after, failures).getBytes(StandardCharsets.US_ASCII),
                        wipe.path("tag").asText("").getBytes(StandardCharsets.US_ASCII));
        return file.copy(file.slots, file.slotParams, file.slotSalts, after, failures, intact);
    }

    public byte[] toBytes() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", formatVersion);
        root.put("vaultId", vaultId);
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("algorithm", "argon2id");
        kdf.put("memoryKiB", params.memoryKiB());
        kdf.put("iterations", params.iterations());
        kdf.put("parallelism", params.parallelism());
        kdf.put("salt", Base64.getEncoder().encodeToString(salt));
        ObjectNode wrap = root.putObject("wrap");
        wrap.put("algorithm", "AES-256-GCM");
        if (formatVersion == 1) {
            wrap.put("ciphertext", Base64.getEncoder().encodeToString(slots[0]));
        } else {
            ArrayNode list = wrap.putArray("slots");
            for (byte[] s : slots) {
                list.add(Base64.getEncoder().encodeToString(s));
            }
            ArrayNode kdfs = wrap.putArray("slotKdf");
            for (int i = 0; i < slots.length; i++) {
                ObjectNode k = kdfs.addObject();
                k.put("memoryKiB", slotParams[i].memoryKiB());
                k.put("iterations", slotParams[i].iterations());
                k.put("parallelism", slotParams[i].parallelism());
                k.put("salt", Base64.getEncoder().encodeToString(slotSalts[i]));
            }
            ObjectNode wipe = root.putObject("wipe");
            wipe.put("after", wipeAfter);
            wipe.put("failures", failures);
            wipe.put("tag", counterTag(wipeAfter, failures));
        }
        root.put("checksum", checksum());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(Path vaultDir) {
        try {
            AtomicFiles.write(vaultDir.resolve(FILE_NAME), toBytes());
        } catch (IOException e) {
            throw AtomicFiles.failure(e, FILE_NAME);
        }
    }

    /**
     * Writes this file over the old one's own bytes (same file, same blocks where the file system
     * allows), so that a slot being destroyed is not left behind in a freed copy, as a rename would
     * leave it. Not atomic: only for the erasing paths, where losing the file is the lesser harm.
     */
    public void overwrite(Path vaultDir) {
        Path target = vaultDir.resolve(FILE_NAME);
        byte[] content = toBytes();
        try (FileChannel c = FileChannel.open(target, StandardOpenOption.WRITE)) {
            long old = c.size();
            ByteBuffer b = ByteBuffer.allocate((int) Math.max(old, content.length));
            b.put(content);
            // Past our content, spaces: JSON ignores them, and the old bytes there are covered too.
            while (b.hasRemaining()) {
                b.put((byte) ' ');
            }
            b.flip();
            while (b.hasRemaining()) {
                c.write(b, b.position());
            }
            c.force(true);
        } catch (IOException e) {
            throw AtomicFiles.failure(e, FILE_NAME);
        }
    }

    /**
     * Destroys the key file: overwrites it and any leftover of an atomic write ({@code .vault.key*})
     * in place with random bytes, syncs, and deletes them. Without it the compartments cannot be read.
     */
    public static void destroy(Path vaultDir) {
        try (Stream<Path> files = Files.list(vaultDir)) {
            for (Path f : files.filter(KeyFile::isKeyFileOrLeftover).toList()) {
                shred(f);
            }
        } catch (IOException e) {
            throw AtomicFiles.failure(e, FILE_NAME);
        }
        AtomicFiles.syncDirectory(vaultDir);
    }

    private static boolean isKeyFileOrLeftover(Path f) {
        String name = f.getFileName().toString();
        return name.equals(FILE_NAME) || name.startsWith("." + FILE_NAME) || name.startsWith(FILE_NAME);
    }

    /** Overwrites a file with random bytes of its own length, syncs it, then deletes it. */
    public static void shred(Path file) throws IOException {
        if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(Random.bytes((int) Math.min(c.size(), Integer.MAX_VALUE - 8)));
                while (b.hasRemaining()) {
                    c.write(b, b.position());
                }
                c.force(true);
            }
        }
        Files.deleteIfExists(file);
    }

    private String checksum() {
        MessageDigest sha = Sha256.digest();
        sha.update(associatedData(-1));
        for (int i = 0; i < slots.length; i++) {
            if (formatVersion >= 3) {
                sha.update(slotAssociatedData(i)); // the slot's own parameters and salt
            }
            sha.update(slots[i]);
        }
        return Sha256.hex(sha);
    }

    /**
     * The counter's tag: an HMAC under a key derived from the vault id and salt. Anyone with the
     * source can recompute it (security.md says so); it stops a plain edit of the numbers.
     */
    private String counterTag(int after, int failureCount) {
        byte[] key = Hkdf.derive(salt, vaultId.getBytes(StandardCharsets.UTF_8), "tanik-vault-key/wipe-counter", 32);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((after + "/" + failureCount).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Secrets.wipe(key);
        }
    }

    /**
     * A slot's associated data: format 1's is the file's fields; from format 2 on, format 2's string with
     * the slot's own parameters and salt and its index, so a slot sealed under format 2 opens unchanged.
     */
    private byte[] slotAssociatedData(int index) {
        if (formatVersion == 1) {
            return associatedData(0);
        }
        String s = FORMAT + "/" + SLOT_FORMAT + "/" + vaultId + "/argon2id/" + slotParams[index].memoryKiB() + "/"
                + slotParams[index].iterations() + "/" + slotParams[index].parallelism() + "/"
                + Base64.getEncoder().encodeToString(slotSalts[index]) + "/slot/" + index;
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Format 1: the file's fields; format 2 adds the slot's index ({@code -1} for the checksum). */
    private byte[] associatedData(int index) {
        String s = FORMAT + "/" + formatVersion + "/" + vaultId + "/argon2id/" + params.memoryKiB() + "/"
                + params.iterations() + "/" + params.parallelism() + "/" + Base64.getEncoder().encodeToString(salt)
                + (formatVersion == 1 || index < 0 ? "" : "/slot/" + index);
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Base64 in its one canonical spelling: the JDK's decoder ignores the unused low bits of a last
     * character, so a changed bit there would otherwise pass as an undamaged file.
     */
    private static byte[] base64(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("base64");
        }
        return bytes;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field);
        }
        return v.asText();
    }

    private static TanikException damaged() {
        return new TanikException(Problem.KEY_FILE_DAMAGED);
    }
}
