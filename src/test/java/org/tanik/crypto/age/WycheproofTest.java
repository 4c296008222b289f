package org.tanik.crypto.age;

import org.tanik.crypto.Aead;
import org.tanik.crypto.Hkdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Project Wycheproof vectors for every primitive the bundle format relies on.
 *
 * <p>Policy for "acceptable" results (only X25519 has them here): a shared secret of all
 * zeros (flag ZeroSharedSecret, low-order points) must be REJECTED, as age requires; every
 * other acceptable case (twist points, non-canonical u, edge-case multiplications) must be
 * accepted and give exactly the listed shared secret, as RFC 7748 defines the function.
 * Valid results must succeed with the listed output; invalid results must fail.
 */
class WycheproofTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicNode> wycheproof() throws Exception {
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(suite("x25519_test.json", "X25519 (BC)", WycheproofTest::x25519));
        nodes.add(suite("x25519_test.json", "X25519 (Tanik X25519Identity.unwrap)", WycheproofTest::x25519Identity));
        nodes.add(suite("x25519_test.json", "X25519 (Tanik X25519Recipient.wrap)", WycheproofTest::x25519Recipient));
        nodes.add(suite("chacha20_poly1305_test.json", "ChaCha20-Poly1305 (JDK)", t -> chacha(t, true)));
        nodes.add(suite("chacha20_poly1305_test.json", "ChaCha20-Poly1305 (BC)", t -> chacha(t, false)));
        nodes.add(suite("hkdf_sha256_test.json", "HKDF-SHA-256 (BC and Tanik Hkdf)", WycheproofTest::hkdf));
        nodes.add(suite("ed25519_test.json", "Ed25519 verify (BC)", WycheproofTest::ed25519));
        nodes.add(suite("ed25519_test.json", "Ed25519 verify (Tanik Ed25519.verify)", WycheproofTest::tanikEd25519));
        nodes.add(suite("aes_gcm_test.json", "AES-GCM (JDK)", WycheproofTest::aesGcm));
        nodes.add(suite("aes_gcm_test.json", "AES-GCM (Tanik Aead)", WycheproofTest::tanikAead));
        return nodes.stream();
    }

    /** A test case plus its group, so checks can read group-level fields. */
    record Case(JsonNode group, JsonNode test) {
        byte[] hex(String field) {
            return HEX.parseHex(test.get(field).asText());
        }

        String result() {
            return test.get("result").asText();
        }
    }

    private static DynamicNode suite(String file, String name, Consumer<Case> check) throws Exception {
        JsonNode root = JSON.readTree(TestVectors.wycheproof(file).toFile());
        List<DynamicNode> tests = new ArrayList<>();
        for (JsonNode g : root.get("testGroups")) {
            for (JsonNode t : g.get("tests")) {
                Case c = new Case(g, t);
                String label = "tcId " + t.get("tcId").asInt() + " " + c.result() + " " + t.get("comment").asText();
                tests.add(DynamicTest.dynamicTest(label, () -> check.accept(c)));
            }
        }
        assertThat(tests).as("test cases in %s", file).hasSize(root.get("numberOfTests").asInt()).isNotEmpty();
        return DynamicContainer.dynamicContainer(name + " — " + file, tests);
    }

    private static void x25519(Case c) {
        byte[] out = new byte[32];
        boolean ok = X25519.calculateAgreement(c.hex("private"), 0, c.hex("public"), 0, out, 0);
        byte[] expected = c.hex("shared");
        boolean zero = Arrays.equals(expected, new byte[32]);
        if (zero) {
            // age must abort on an all-zero shared secret; BC reports it.
            assertThat(ok).as("all-zero shared secret rejected").isFalse();
        } else {
            assertThat(ok).isTrue();
            assertThat(HEX.formatHex(out)).isEqualTo(HEX.formatHex(expected));
        }
    }

    private static void chacha(Case c, boolean jdk) {
        byte[] key = c.hex("key");
        byte[] iv = c.hex("iv");
        byte[] aad = c.hex("aad");
        byte[] msg = c.hex("msg");
        byte[] ctTag = concat(c.hex("ct"), c.hex("tag"));
        boolean valid = c.result().equals("valid");
        byte[] enc = jdk ? jdkAead("ChaCha20-Poly1305", key, iv, aad, msg, true)
                : bcChaCha(key, iv, aad, msg, true);
        byte[] dec = jdk ? jdkAead("ChaCha20-Poly1305", key, iv, aad, ctTag, false)
                : bcChaCha(key, iv, aad, ctTag, false);
        if (valid) {
            assertThat(enc).isEqualTo(ctTag);
            assertThat(dec).isEqualTo(msg);
            if (aad.length == 0 && iv.length == 12) {
                // Also through the exact wrapper the STREAM code uses.
                ChaChaPoly w = jdk ? new JdkChaChaPoly() : new BcChaChaPoly();
                byte[] sealed = new byte[msg.length + 16];
                assertThat(w.seal(key, iv, msg, 0, msg.length, sealed, 0)).isEqualTo(sealed.length);
                assertThat(sealed).isEqualTo(ctTag);
                byte[] opened = new byte[msg.length];
                assertThat(w.open(key, iv, ctTag, 0, ctTag.length, opened, 0)).isEqualTo(msg.length);
                assertThat(opened).isEqualTo(msg);
            }
        } else {
            assertThat(dec).as("invalid ciphertext must not decrypt").isNull();
            if (aad.length == 0 && iv.length == 12) {
                ChaChaPoly w = jdk ? new JdkChaChaPoly() : new BcChaChaPoly();
                assertThat(w.open(key, iv, ctTag, 0, ctTag.length, new byte[Math.max(0, ctTag.length)], 0))
                        .isEqualTo(-1);
            }
        }
    }

    /** Returns the output, or null if the JDK rejects the parameters or the tag. */
    private static byte[] jdkAead(String alg, byte[] key, byte[] iv, byte[] aad, byte[] in, boolean encrypt) {
        try {
            Cipher cipher = Cipher.getInstance(alg.equals("AES") ? "AES/GCM/NoPadding" : alg);
            int mode = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
            if (alg.equals("AES")) {
                cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            } else {
                cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(iv));
            }
            cipher.updateAAD(aad);
            return cipher.doFinal(in);
        } catch (Exception e) {
            return null;
        }
    }

    private static byte[] bcChaCha(byte[] key, byte[] iv, byte[] aad, byte[] in, boolean encrypt) {
        try {
            ChaCha20Poly1305 aead = new ChaCha20Poly1305();
            aead.init(encrypt, new AEADParameters(new KeyParameter(key), 128, iv, aad));
            byte[] out = new byte[aead.getOutputSize(in.length)];
            int n = aead.processBytes(in, 0, in.length, out, 0);
            n += aead.doFinal(out, n);
            return Arrays.copyOf(out, n);
        } catch (Exception e) {
            return null;
        }
    }

    private static void hkdf(Case c) {
        int size = c.test.get("size").asInt();
        byte[] okm;
        try {
            HKDFBytesGenerator gen = new HKDFBytesGenerator(new SHA256Digest());
            gen.init(new HKDFParameters(c.hex("ikm"), c.hex("salt"), c.hex("info")));
            okm = new byte[size];
            gen.generateBytes(okm, 0, size);
        } catch (RuntimeException e) {
            okm = null;
        }
        if (c.result().equals("valid")) {
            assertThat(okm).isNotNull();
            assertThat(HEX.formatHex(okm)).isEqualTo(c.test.get("okm").asText());
            // And via the helper the age and vault code use.
            assertThat(Hkdf.derive(c.hex("ikm"), c.hex("salt"), c.hex("info"), size)).isEqualTo(okm);
        } else {
            assertThat(okm).as("invalid HKDF request must fail").isNull();
            assertThatThrownBy(() -> Hkdf.derive(c.hex("ikm"), c.hex("salt"), c.hex("info"), size))
                    .as("Tanik Hkdf must refuse an invalid request").isInstanceOf(RuntimeException.class);
        }
    }

    private static void ed25519(Case c) {
        byte[] pk = HEX.parseHex(c.group.get("publicKey").get("pk").asText());
        boolean ok;
        try {
            Ed25519Signer v = new Ed25519Signer();
            v.init(false, new Ed25519PublicKeyParameters(pk, 0));
            byte[] msg = c.hex("msg");
            v.update(msg, 0, msg.length);
            // verifySignature checks the length is exactly 64 (tcId 37: trailing zero byte).
            ok = v.verifySignature(c.hex("sig"));
        } catch (RuntimeException e) {
            ok = false;
        }
        assertThat(ok).isEqualTo(c.result().equals("valid"));
    }

    private static void aesGcm(Case c) {
        byte[] key = c.hex("key");
        byte[] iv = c.hex("iv");
        byte[] aad = c.hex("aad");
        byte[] msg = c.hex("msg");
        byte[] ctTag = concat(c.hex("ct"), c.hex("tag"));
        byte[] dec = jdkAead("AES", key, iv, aad, ctTag, false);
        if (c.result().equals("valid")) {
            assertThat(jdkAead("AES", key, iv, aad, msg, true)).isEqualTo(ctTag);
            assertThat(dec).isEqualTo(msg);
        } else {
            assertThat(dec).as("invalid ciphertext must not decrypt").isNull();
        }
    }

    /**
     * X25519 through the identity that opens bundles: the vector's private key is the identity,
     * its public point the stanza's share. The stanza body is wrapped under the key derived from
     * the vector's expected shared secret, so the file key comes back only if the identity computed
     * exactly that secret; an all-zero secret must be refused as a header failure.
     */
    private static void x25519Identity(Case c) {
        byte[] priv = c.hex("private");
        byte[] pub = c.hex("public");
        byte[] expected = c.hex("shared");
        X25519Identity id = X25519Identity.fromSecretKey(priv);
        byte[] fileKey = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] body = Arrays.equals(expected, new byte[32])
                ? new byte[FileKeyWrap.WRAPPED_LENGTH]
                : FileKeyWrap.wrap(Hkdf.derive(expected, concat(pub, id.recipient().publicKey()),
                        X25519Recipient.INFO, 32), fileKey);
        List<Stanza> stanzas = List.of(new Stanza(List.of("X25519", Base64Raw.encode(pub)), body));
        try {
            if (Arrays.equals(expected, new byte[32])) {
                assertThatThrownBy(() -> id.unwrap(stanzas)).as("all-zero shared secret refused")
                        .isInstanceOf(AgeException.class)
                        .satisfies(e -> assertThat(((AgeException) e).kind()).isEqualTo(AgeException.Kind.HEADER));
            } else {
                assertThat(c.result()).as("x25519 vectors hold no invalid case but the all-zero ones")
                        .isNotEqualTo("invalid");
                assertThat(id.unwrap(stanzas)).as("file key unwrapped with the vector's shared secret")
                        .isEqualTo(fileKey);
            }
        } catch (AgeException e) {
            throw new AssertionError(e);
        } finally {
            id.destroy();
        }
    }

    /**
     * X25519 through the recipient that seals bundles: the vector's public point is the recipient,
     * its private key the ephemeral scalar (through the package-private seam). The share must be
     * the ephemeral's public point and the body must open under the key derived from the expected
     * shared secret; an all-zero secret must be refused.
     */
    private static void x25519Recipient(Case c) {
        byte[] priv = c.hex("private");
        byte[] pub = c.hex("public");
        byte[] expected = c.hex("shared");
        X25519Recipient r = new X25519Recipient(pub);
        byte[] fileKey = HEX.parseHex("f0e0d0c0b0a090807060504030201000");
        if (Arrays.equals(expected, new byte[32])) {
            assertThatThrownBy(() -> r.wrap(fileKey, priv)).as("all-zero shared secret refused")
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        List<Stanza> stanzas = r.wrap(fileKey, priv);
        assertThat(stanzas).hasSize(1);
        Stanza s = stanzas.get(0);
        byte[] share = new byte[32];
        X25519.scalarMultBase(priv, 0, share, 0);
        assertThat(s.args()).containsExactly("X25519", Base64Raw.encode(share));
        byte[] wrapKey = Hkdf.derive(expected, concat(share, pub), X25519Recipient.INFO, 32);
        assertThat(FileKeyWrap.unwrap(wrapKey, s.body())).as("body opens under the expected shared secret")
                .isEqualTo(fileKey);
    }

    /** Ed25519 through the verifier that checks bundle and invitation signatures. */
    private static void tanikEd25519(Case c) {
        byte[] pk = HEX.parseHex(c.group.get("publicKey").get("pk").asText());
        assertThat(org.tanik.crypto.Ed25519.verify(pk, c.hex("msg"), c.hex("sig")))
                .isEqualTo(c.result().equals("valid"));
    }

    /**
     * AES-GCM through the vault's Aead, which takes nonce || ciphertext || tag with a 96-bit nonce
     * and a 128-bit tag: cases of other sizes cannot be expressed in its format and must be refused.
     * Sealing picks its own nonce, so its output is checked against Bouncy Castle's GCM under the
     * nonce it chose.
     */
    private static void tanikAead(Case c) {
        byte[] key = c.hex("key");
        byte[] iv = c.hex("iv");
        byte[] aad = c.hex("aad");
        byte[] msg = c.hex("msg");
        byte[] tag = c.hex("tag");
        byte[] sealed = concat(iv, concat(c.hex("ct"), tag));
        boolean expressible = iv.length == Aead.NONCE_BYTES && tag.length == Aead.TAG_BITS / 8;
        if (c.result().equals("valid") && expressible) {
            try {
                assertThat(Aead.open(key, sealed, aad)).isEqualTo(msg);
            } catch (Aead.AuthenticationException e) {
                throw new AssertionError("valid case refused", e);
            }
            byte[] mine = Aead.seal(key, msg, aad);
            byte[] nonce = Arrays.copyOf(mine, Aead.NONCE_BYTES);
            assertThat(Arrays.copyOfRange(mine, Aead.NONCE_BYTES, mine.length))
                    .as("Aead.seal agrees with Bouncy Castle GCM under its nonce")
                    .isEqualTo(bcGcm(key, nonce, aad, msg));
        } else {
            // Invalid, or a nonce/tag size Aead's format cannot carry: opening must fail.
            assertThatThrownBy(() -> Aead.open(key, sealed, aad)).isInstanceOf(Exception.class);
        }
    }

    private static byte[] bcGcm(byte[] key, byte[] nonce, byte[] aad, byte[] msg) {
        try {
            GCMBlockCipher gcm = new GCMBlockCipher(new AESEngine());
            gcm.init(true, new AEADParameters(new KeyParameter(key), Aead.TAG_BITS, nonce, aad));
            byte[] out = new byte[gcm.getOutputSize(msg.length)];
            int n = gcm.processBytes(msg, 0, msg.length, out, 0);
            gcm.doFinal(out, n);
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
