package org.tanik.store.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.tanik.crypto.Aead;
import org.tanik.crypto.Argon2Params;
import org.tanik.crypto.PassphraseKdf;
import org.tanik.crypto.Random;
import org.tanik.crypto.Secrets;
import org.tanik.crypto.Sha256;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.model.Json;

/**
 * The vault's small key file: Argon2id parameters and salt, and the master key wrapped with
 * AES-256-GCM under the passphrase-derived key. The wrapping binds the vault id and KDF
 * parameters as associated data, so they cannot be swapped. A checksum tells accidental damage
 * ("key file damaged") apart from a wrong passphrase.
 */
public record KeyFile(int formatVersion, String vaultId, Argon2Params params, byte[] salt, byte[] wrappedKey) {

    public static final String FILE_NAME = "vault.key";
    static final int FORMAT_VERSION = 1;
    private static final String FORMAT = "tanik-vault-key";
    private static final ObjectMapper JSON = Json.mapper();

    /** Wraps a master key under a passphrase with fresh salt. */
    public static KeyFile create(String vaultId, byte[] masterKey, char[] passphrase, Argon2Params params) {
        byte[] salt = Random.bytes(16);
        byte[] kek = PassphraseKdf.derive(passphrase, salt, params);
        try {
            byte[] wrapped = Aead.seal(kek, masterKey, associatedData(FORMAT_VERSION, vaultId, params, salt));
            return new KeyFile(FORMAT_VERSION, vaultId, params, salt, wrapped);
        } finally {
            Secrets.wipe(kek);
        }
    }

    /** Unwraps the master key; a wrong passphrase and a tampered file both fail authentication. */
    public byte[] unwrap(char[] passphrase) {
        byte[] kek = PassphraseKdf.derive(passphrase, salt, params);
        try {
            return Aead.open(kek, wrappedKey, associatedData(formatVersion, vaultId, params, salt));
        } catch (Aead.AuthenticationException e) {
            throw new TanikException(Problem.WRONG_PASSPHRASE);
        } finally {
            Secrets.wipe(kek);
        }
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
            if (version != FORMAT_VERSION) {
                throw damaged();
            }
            JsonNode kdf = root.path("kdf");
            if (!"argon2id".equals(text(kdf, "algorithm")) || !"AES-256-GCM".equals(text(root.path("wrap"), "algorithm"))) {
                throw damaged();
            }
            Argon2Params params = new Argon2Params(kdf.path("memoryKiB").asInt(-1), kdf.path("iterations").asInt(-1),
                    kdf.path("parallelism").asInt(-1));
            KeyFile file = new KeyFile(version, text(root, "vaultId"), params,
                    Base64.getDecoder().decode(text(kdf, "salt")),
                    Base64.getDecoder().decode(text(root.path("wrap"), "ciphertext")));
            if (!params.withinLimits() || file.salt.length < 16 || !file.checksum().equals(text(root, "checksum"))) {
                throw damaged();
            }
            return file;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw damaged();
        }
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
        wrap.put("ciphertext", Base64.getEncoder().encodeToString(wrappedKey));
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

    private String checksum() {
        MessageDigest sha = Sha256.digest();
        sha.update(associatedData(formatVersion, vaultId, params, salt));
        sha.update(wrappedKey);
        return Sha256.hex(sha);
    }

    private static byte[] associatedData(int version, String vaultId, Argon2Params p, byte[] salt) {
        String s = FORMAT + "/" + version + "/" + vaultId + "/argon2id/" + p.memoryKiB() + "/" + p.iterations() + "/"
                + p.parallelism() + "/" + Base64.getEncoder().encodeToString(salt);
        return s.getBytes(StandardCharsets.UTF_8);
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
