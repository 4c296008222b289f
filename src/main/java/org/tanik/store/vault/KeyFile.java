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
 * <p>Format 1 (one wrapped master key, the database at the top of the vault folder) is still read;
 * the first unlock turns it into format 2 with the same salt (see {@code Vaults}).
 */
public final class KeyFile {

    public static final String FILE_NAME = "vault.key";
    static final int FORMAT_VERSION = 2;
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
    private final int wipeAfter;
    private final int failures;
    private final boolean counterIntact;

    private KeyFile(int formatVersion, String vaultId, Argon2Params params, byte[] salt, byte[][] slots,
                    int wipeAfter, int failures, boolean counterIntact) {
        this.formatVersion = formatVersion;
        this.vaultId = vaultId;
        this.params = params;
        this.salt = salt;
        this.slots = slots;
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

    /** A new format-2 file with fresh salt, both slots random and no wipe policy. */
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

    /** This format-1 file as format 2 with the same salt and parameters: the same passphrase key opens it. */
    public KeyFile asFormat2() {
        return fresh(vaultId, params, salt.clone());
    }

    /** The key a passphrase derives under this file's salt and parameters: one Argon2id run. */
    public byte[] derive(char[] passphrase) {
        return PassphraseKdf.derive(passphrase, salt, params);
    }

    /**
     * Tries every slot with {@code kek} (all of them, whichever opens, so the time does not tell
     * which one did). Empty when none opens: a wrong passphrase or a tampered slot.
     */
    public Optional<Slot> open(byte[] kek) {
        Slot found = null;
        for (int i = 0; i < slots.length; i++) {
            byte[] plain;
            try {
                plain = Aead.open(kek, slots[i], associatedData(i));
            } catch (Aead.AuthenticationException e) {
                continue;
            }
            if (formatVersion == 1) {
                found = new Slot(0, plain, null, 0);
            } else if (plain.length == SLOT_PLAIN_BYTES && found == null) {
                found = new Slot(i, Arrays.copyOf(plain, MasterKey.BYTES),
                        HexFormat.of().formatHex(plain, MasterKey.BYTES, MasterKey.BYTES + NAME_BYTES),
                        plain[SLOT_PLAIN_BYTES - 1]);
                Secrets.wipe(plain);
            } else {
                Secrets.wipe(plain);
            }
        }
        return Optional.ofNullable(found);
    }

    /** A copy with slot {@code index} wrapping {@code masterKey} for {@code compartment} under {@code kek}. */
    public KeyFile withSlot(int index, byte[] kek, byte[] masterKey, String compartment, int flags) {
        requireFormat2();
        byte[] plain = new byte[SLOT_PLAIN_BYTES];
        try {
            System.arraycopy(masterKey, 0, plain, 0, MasterKey.BYTES);
            System.arraycopy(HexFormat.of().parseHex(compartment), 0, plain, MasterKey.BYTES, NAME_BYTES);
            plain[SLOT_PLAIN_BYTES - 1] = (byte) flags;
            byte[][] copy = slots.clone();
            copy[index] = Aead.seal(kek, plain, associatedData(index));
            return new KeyFile(formatVersion, vaultId, params, salt, copy, wipeAfter, failures, counterIntact);
        } finally {
            Secrets.wipe(plain);
        }
    }

    /** A copy whose slot {@code index} is random bytes: nothing opens it any more. */
    public KeyFile withRandomSlot(int index) {
        requireFormat2();
        byte[][] copy = slots.clone();
        copy[index] = Random.bytes(SLOT_BYTES);
        return new KeyFile(formatVersion, vaultId, params, salt, copy, wipeAfter, failures, counterIntact);
    }

    /** A copy with this wipe policy and failure count, under a fresh tag. */
    public KeyFile withCounter(int after, int failureCount) {
        requireFormat2();
        return new KeyFile(formatVersion, vaultId, params, salt, slots, after, failureCount, true);
    }

    /** A copy asking for other parameters (tests of the limits: the slots no longer open). */
    public KeyFile withParams(Argon2Params other) {
        return new KeyFile(formatVersion, vaultId, other, salt, slots, wipeAfter, failures, counterIntact);
    }

    private void requireFormat2() {
        if (formatVersion != FORMAT_VERSION) {
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
            if (version != 1 && version != FORMAT_VERSION) {
                throw damaged();
            }
            JsonNode kdf = root.path("kdf");
            JsonNode wrap = root.path("wrap");
            if (!"argon2id".equals(text(kdf, "algorithm")) || !"AES-256-GCM".equals(text(wrap, "algorithm"))) {
                throw damaged();
            }
            Argon2Params params = new Argon2Params(kdf.path("memoryKiB").asInt(-1), kdf.path("iterations").asInt(-1),
                    kdf.path("parallelism").asInt(-1));
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
                for (int i = 0; i < SLOTS; i++) {
                    slots[i] = base64(list.get(i).asText(""));
                    if (slots[i].length != SLOT_BYTES) {
                        throw damaged();
                    }
                }
                file = withReadCounter(new KeyFile(version, vaultId, params, salt, slots, 0, 0, true), root.get("wipe"));
            }
            if (!params.withinLimits() || file.salt.length < 16 || !file.checksum().equals(text(root, "checksum"))) {
                throw damaged();
            }
            return file;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw damaged();
        }
    }

    /** The counter as written when its tag holds; else the numbers read (or 0) marked as tampered. */
    private static KeyFile withReadCounter(KeyFile file, JsonNode wipe) {
        if (wipe == null || !wipe.isObject()) {
            return new KeyFile(file.formatVersion, file.vaultId, file.params, file.salt, file.slots, 0, 0, false);
        }
        int after = Math.max(0, wipe.path("after").asInt(0));
        int failures = Math.max(0, wipe.path("failures").asInt(0));
        boolean intact = wipe.path("after").isInt() && wipe.path("failures").isInt()
                && MessageDigest.isEqual(file.counterTag(after, failures).getBytes(StandardCharsets.US_ASCII),
                        wipe.path("tag").asText("").getBytes(StandardCharsets.US_ASCII));
        return new KeyFile(file.formatVersion, file.vaultId, file.params, file.salt, file.slots, after, failures, intact);
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
        for (byte[] s : slots) {
            sha.update(s);
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
