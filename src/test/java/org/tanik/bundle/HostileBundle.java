package org.tanik.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.tanik.crypto.Ed25519;
import org.tanik.crypto.Sha256;
import org.tanik.crypto.age.AgeEncryptor;
import org.tanik.crypto.age.X25519Recipient;

/**
 * Builds bundles that break the rules in one chosen way: starts from a valid bundle's parts and lets a
 * test replace the manifest text, the signature, the archive's parts and what follows them, then
 * signs (unless told not to) and encrypts with age like the real writer.
 */
final class HostileBundle {
    /** One archive member as it will be written: a header claiming {@code claimedSize}, then {@code content}. */
    record Part(String name, byte[] content, long claimedSize, byte type) {
        static Part of(String name, byte[] content) {
            return new Part(name, content, content.length, (byte) '0');
        }

        Part claiming(long size) {
            return new Part(name, content, size, type);
        }
    }

    List<X25519Recipient> encryptTo = new ArrayList<>(List.of(Fixtures.ORG.recipient()));
    List<String> manifestRecipients = new ArrayList<>(List.of(Fixtures.ORG.recipient().encode()));
    byte[] device = Fixtures.DEVICE;
    byte[] signer = Fixtures.DEVICE;
    long sequence = 1;
    String previous;
    /** What the manifest lists. */
    List<BundleEntry> listed;
    /** What the archive holds after manifest.sig (defaults to {@link #listed}). */
    List<BundleEntry> archived;
    /** Edits the manifest text before it is signed. */
    UnaryOperator<String> manifestText = UnaryOperator.identity();
    /** Edits the manifest bytes after signing (so the signature no longer matches). */
    UnaryOperator<byte[]> afterSigning = UnaryOperator.identity();
    /** Replaces the signature, if set. */
    byte[] signature;
    /** Edits the complete list of archive parts (manifest and signature included). */
    UnaryOperator<List<Part>> parts = UnaryOperator.identity();
    boolean endMarker = true;
    byte[] trailing = new byte[0];

    HostileBundle(List<BundleEntry> entries) {
        this.listed = new ArrayList<>(entries);
        this.archived = new ArrayList<>(entries);
    }

    static HostileBundle valid() {
        return new HostileBundle(TestimonyRecords.toEntries(Fixtures.testimonies(3, 7)));
    }

    byte[] manifestBytes() {
        List<ManifestEntry> list = new ArrayList<>();
        for (BundleEntry e : listed) {
            list.add(new ManifestEntry(e.path(), e.content().length, Sha256.hex(e.content())));
        }
        Manifest m = new Manifest(1, new UUID(1, 2), Base64.getEncoder().encodeToString(Ed25519.publicKey(device)),
                sequence, previous, manifestRecipients, Fixtures.CREATED, list);
        String text = new String(ManifestJson.encode(m), StandardCharsets.UTF_8);
        return manifestText.apply(text).getBytes(StandardCharsets.UTF_8);
    }

    /** The plaintext archive (what age encrypts). */
    byte[] tar() {
        byte[] manifest = manifestBytes();
        byte[] sig = signature != null ? signature : Ed25519.sign(signer, manifest);
        List<Part> all = new ArrayList<>();
        all.add(Part.of(EntryPaths.MANIFEST, afterSigning.apply(manifest)));
        all.add(Part.of(EntryPaths.SIGNATURE, sig));
        for (BundleEntry e : archived) {
            all.add(Part.of(e.path(), e.content()));
        }
        return tar(parts.apply(all), endMarker, trailing);
    }

    static byte[] tar(List<Part> parts, boolean endMarker, byte[] trailing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            out.writeBytes(TarWriter.header(p.name(), p.claimedSize(), 0, p.type()));
            out.writeBytes(p.content());
            out.writeBytes(new byte[TarWriter.padding(p.content().length)]);
        }
        if (endMarker) {
            out.writeBytes(new byte[1024]);
        }
        out.writeBytes(trailing);
        return out.toByteArray();
    }

    byte[] build() {
        return encrypt(tar(), encryptTo);
    }

    static byte[] encrypt(byte[] plaintext, List<X25519Recipient> recipients) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = AgeEncryptor.encrypt(recipients, out)) {
            enc.write(plaintext);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
