package org.tanik.crypto.age;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PayloadReaderTest {

    private static final int CHUNK = StreamNonce.CHUNK_SIZE;
    private final X25519Identity identity = X25519Identity.generate();

    @TempDir
    Path dir;

    private record Kept(byte[] plain, byte[] chunks, byte[] key) {
    }

    private Kept encryptAndRetain(int size) throws Exception {
        byte[] plain = new byte[size];
        new Random(size).nextBytes(plain);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (OutputStream out = AgeEncryptor.encrypt(List.of(identity.recipient()), file)) {
            out.write(plain);
        }
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        RetainedPayload retain = new RetainedPayload(chunks);
        try (InputStream in = AgeDecryptor.decrypt(new ByteArrayInputStream(file.toByteArray()), List.of(identity),
                CipherBackend.JDK, retain)) {
            assertArrayEquals(plain, in.readAllBytes());
        }
        assertEquals(chunks.size(), retain.size());
        Kept k = new Kept(plain, chunks.toByteArray(), retain.key());
        retain.destroy();
        return k;
    }

    private Path write(byte[] chunks) throws Exception {
        Path p = Files.createTempFile(dir, "payload", ".bin");
        Files.write(p, chunks);
        return p;
    }

    private static byte[] read(Path p, byte[] key, long offset, int length) throws Exception {
        try (SeekableByteChannel ch = Files.newByteChannel(p)) {
            return PayloadReader.read(ch, key, offset, length);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 12345})
    void anyRangeReadsBackExactlyTheRetainedPlaintext(int size) throws Exception {
        Kept k = encryptAndRetain(size);
        assertEquals(size + 16L * Math.max(1, (size + CHUNK - 1) / CHUNK), k.chunks().length);
        Path p = write(k.chunks());
        Random r = new Random(size + 1);
        for (int i = 0; i < 40; i++) {
            int off = size == 0 ? 0 : r.nextInt(size);
            int len = r.nextInt(size - off + 1);
            assertArrayEquals(Arrays.copyOfRange(k.plain(), off, off + len), read(p, k.key(), off, len));
        }
        assertArrayEquals(k.plain(), read(p, k.key(), 0, size));
        try (InputStream all = PayloadReader.stream(Files.newInputStream(p), k.key())) {
            assertArrayEquals(k.plain(), all.readAllBytes());
        }
    }

    @Test
    void aFlippedBitInTheChunkReadIsRefused() throws Exception {
        Kept k = encryptAndRetain(3 * CHUNK);
        byte[] damaged = k.chunks().clone();
        damaged[CHUNK + 16 + 10] ^= 1; // inside the second chunk
        Path p = write(damaged);
        assertEquals(AgeException.Kind.PAYLOAD,
                assertThrows(AgeException.class, () -> read(p, k.key(), CHUNK + 5, 10)).kind());
        // Chunks that are intact still read.
        assertArrayEquals(Arrays.copyOfRange(k.plain(), 5, 15), read(p, k.key(), 5, 10));
    }

    @Test
    void aCutPayloadCannotPassItsShorterEndAsTheLastChunk() throws Exception {
        Kept k = encryptAndRetain(3 * CHUNK);
        Path p = write(Arrays.copyOf(k.chunks(), 2 * (CHUNK + 16)));
        // The second chunk was sealed as "not last"; opened as the last one it fails.
        assertThrows(AgeException.class, () -> read(p, k.key(), CHUNK + 1, 10));
        assertThrows(AgeException.class, () -> read(p, k.key(), 2 * CHUNK + 1, 10));
    }

    @Test
    void swappedChunksAndAnotherPayloadsKeyAreRefused() throws Exception {
        Kept k = encryptAndRetain(3 * CHUNK);
        byte[] swapped = k.chunks().clone();
        System.arraycopy(k.chunks(), 0, swapped, CHUNK + 16, CHUNK + 16);
        System.arraycopy(k.chunks(), CHUNK + 16, swapped, 0, CHUNK + 16);
        Path p = write(swapped);
        assertThrows(AgeException.class, () -> read(p, k.key(), 0, 10));
        Kept other = encryptAndRetain(3 * CHUNK);
        Path q = write(k.chunks());
        assertThrows(AgeException.class, () -> read(q, other.key(), 0, 10));
    }
}
