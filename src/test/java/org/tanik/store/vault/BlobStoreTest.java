package org.tanik.store.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanik.files.Content;

/** The blob format: round trips of every size class, reading from any offset, and every kind of damage detected. */
class BlobStoreTest {

    static final int CHUNK = BlobCipher.CHUNK_BYTES;
    static final int SEALED = BlobCipher.SEALED_CHUNK_BYTES;
    static final int HEADER = BlobCipher.HEADER_BYTES;

    @TempDir
    Path dir;

    final MasterKey key = new MasterKey(new byte[32]);
    BlobStore blobs;

    @org.junit.jupiter.api.BeforeEach
    void unlock() {
        blobs = new BlobStore(dir, key);
    }

    @AfterEach
    void lock() {
        blobs.close();
        key.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 12_345})
    void roundTripsEverySize(int size) throws IOException {
        byte[] data = data(size, size);
        String id = write(data);
        Path file = blobFile(id);
        // The layout follows from the size: full chunks, then a final chunk that is never full.
        assertThat(Files.size(file)).isEqualTo(HEADER + (long) (size / CHUNK) * SEALED + size % CHUNK + 16);
        Content c = blobs.open(id);
        assertThat(c.size()).isEqualTo(size);
        assertThat(readAll(c, 0)).isEqualTo(data);
        assertThat(Files.exists(file.resolveSibling(id + ".blob.part"))).isFalse();
    }

    @Test
    void aFinishThatFailsKeepsTheUnfinishedBlobWhenAskedTo() throws IOException {
        byte[] data = data(2 * CHUNK + 100, 3);
        String id = java.util.UUID.randomUUID().toString();
        // A folder with something in it where the blob should go: the final rename fails.
        Path target = dir.resolve("attachments").resolve(id + ".blob");
        Files.createDirectories(target.resolve("occupied"));
        BlobWriter w = blobs.create(id);
        w.keepUnfinishedOnFailure();
        w.write(data);
        assertThatThrownBy(w::finish).isInstanceOf(IOException.class);
        assertThat(blobs.unfinished()).contains(id);
        assertThat(readAll(blobs.openPrefix(id), 0)).isEqualTo(Arrays.copyOf(data, 2 * CHUNK));

        String other = java.util.UUID.randomUUID().toString();
        Files.createDirectories(dir.resolve("attachments").resolve(other + ".blob").resolve("occupied"));
        BlobWriter plain = blobs.create(other);
        plain.write(data);
        assertThatThrownBy(plain::finish).isInstanceOf(IOException.class);
        assertThat(blobs.unfinished()).doesNotContain(other);
    }

    @Test
    void readsFromAnyOffset() throws IOException {
        byte[] data = data(3 * CHUNK + 777, 7);
        Content c = blobs.open(write(data));
        for (long offset : new long[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 500, data.length - 1, data.length}) {
            assertThat(readAll(c, offset)).as("from %d", offset)
                    .isEqualTo(Arrays.copyOfRange(data, (int) offset, data.length));
        }
        assertThatThrownBy(() -> c.open(data.length + 1)).isInstanceOf(IOException.class);
    }

    @Test
    void swappedChunksAreDetected() throws IOException {
        byte[] data = data(3 * CHUNK + 10, 1);
        String id = write(data);
        byte[] file = Files.readAllBytes(blobFile(id));
        byte[] first = Arrays.copyOfRange(file, HEADER, HEADER + SEALED);
        System.arraycopy(file, HEADER + SEALED, file, HEADER, SEALED);
        System.arraycopy(first, 0, file, HEADER + SEALED, SEALED);
        Files.write(blobFile(id), file);
        assertDamaged(id, "chunk 0");
    }

    @Test
    void truncationAtAChunkBoundaryIsDetected() throws IOException {
        String id = write(data(2 * CHUNK + 100, 2));
        truncate(id, HEADER + 2L * SEALED); // the final chunk dropped whole
        assertThatThrownBy(() -> blobs.open(id)).isInstanceOf(BlobDamagedException.class)
                .hasMessageContaining("cut short");
    }

    @Test
    void truncationAtAChunkBoundaryIsDetectedWhenTheFinalChunkWasEmpty() throws IOException {
        String id = write(data(2 * CHUNK, 2));
        // Without the empty final chunk what is left looks like a blob whose last chunk is full: never a final one.
        truncate(id, HEADER + 2L * SEALED);
        assertThatThrownBy(() -> blobs.open(id)).isInstanceOf(BlobDamagedException.class).hasMessageContaining("cut short");
        // ...and cutting one more non-final chunk makes its last (full) chunk pose as final: it does not authenticate.
        String other = write(data(3 * CHUNK + 5, 2));
        truncate(other, HEADER + 2L * SEALED + 100);
        assertThatThrownBy(() -> blobs.open(other)).isInstanceOf(BlobDamagedException.class)
                .hasMessageContaining("final chunk does not authenticate");
    }

    @Test
    void truncationInsideAChunkIsDetected() throws IOException {
        String id = write(data(2 * CHUNK + 100, 3));
        truncate(id, HEADER + SEALED + 1000); // chunk 1 torn: it now poses as the final chunk
        assertThatThrownBy(() -> blobs.open(id)).isInstanceOf(BlobDamagedException.class)
                .hasMessageContaining("final chunk does not authenticate");
    }

    @Test
    void anAlteredByteIsDetectedWhereverItIs() throws IOException {
        byte[] data = data(2 * CHUNK + 100, 4);
        for (long at : new long[] {3, 20, HEADER + 5, HEADER + SEALED + 7, HEADER + 2L * SEALED + 3}) {
            String id = write(data);
            flip(id, at);
            assertThatThrownBy(() -> readAll(blobs.open(id), 0)).as("byte %d", at)
                    .isInstanceOf(BlobDamagedException.class);
        }
    }

    @Test
    void aBlobRenamedToAnotherIdDoesNotOpen() throws IOException {
        String a = write(data(CHUNK + 3, 5));
        String b = UUID.randomUUID().toString();
        Files.move(blobFile(a), blobFile(b));
        assertThatThrownBy(() -> blobs.open(b)).isInstanceOf(BlobDamagedException.class).hasMessageContaining(b);
    }

    @Test
    void errorsNameTheIdAndNeverTheContent() throws IOException {
        byte[] secret = "TANIK-SECRET-MARKER ".repeat(5000).getBytes(StandardCharsets.UTF_8);
        String id = write(secret);
        flip(id, HEADER + 10);
        assertThatThrownBy(() -> readAll(blobs.open(id), 0))
                .isInstanceOf(BlobDamagedException.class)
                .hasMessageContaining(id).hasMessageNotContaining("TANIK");
    }

    @Test
    void anUnfinishedBlobIsReadOnlyThroughItsAuthenticatedPrefix() throws IOException {
        String id = UUID.randomUUID().toString();
        byte[] data = data(3 * CHUNK + 500, 6);
        BlobWriter w = blobs.create(id);
        w.write(data);
        w.sync(); // a crash now: three chunks on disk, 500 bytes only in memory
        Path part = blobFile(id).resolveSibling(id + ".blob.part");
        assertThat(blobs.unfinished()).containsExactly(id);
        assertThatThrownBy(() -> blobs.open(id)).isInstanceOf(IOException.class);
        Content prefix = blobs.openPrefix(id);
        assertThat(prefix.size()).isEqualTo(3L * CHUNK);
        assertThat(readAll(prefix, CHUNK + 1)).isEqualTo(Arrays.copyOfRange(data, CHUNK + 1, 3 * CHUNK));
        // A torn chunk at the end, and whole-length garbage after it (power loss), are not part of the prefix.
        try (var ch = Files.newByteChannel(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[SEALED + 300]));
        }
        assertThat(blobs.openPrefix(id).size()).isEqualTo(3L * CHUNK);
        w.abort();
        assertThat(Files.exists(part)).isFalse();
    }

    @Test
    void nothingOpensOnceLocked() throws IOException {
        String id = write(data(10, 8));
        Content c = blobs.open(id);
        blobs.close();
        assertThatThrownBy(() -> c.open(0)).isInstanceOf(IOException.class).hasMessageContaining("locked");
    }

    @Test
    void anAttachmentIdIsTheOnlyNameABlobTakes() {
        assertThatThrownBy(() -> blobs.create("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> blobs.open("ABCDEF00-0000-0000-0000-000000000000")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers

    static byte[] data(int size, long seed) {
        byte[] b = new byte[size];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    String write(byte[] data) throws IOException {
        String id = UUID.randomUUID().toString();
        try (BlobWriter w = blobs.create(id)) {
            // In uneven pieces, so that chunk boundaries fall inside writes.
            for (int at = 0; at < data.length; at += 7919) {
                w.write(data, at, Math.min(7919, data.length - at));
            }
            assertThat(w.finish()).isEqualTo(data.length);
        }
        return id;
    }

    Path blobFile(String id) {
        return dir.resolve("attachments").resolve(id + ".blob");
    }

    static byte[] readAll(Content c, long offset) throws IOException {
        try (InputStream in = c.open(offset)) {
            return in.readAllBytes();
        }
    }

    void truncate(String id, long length) throws IOException {
        try (var ch = Files.newByteChannel(blobFile(id), StandardOpenOption.WRITE)) {
            ch.truncate(length);
        }
    }

    void flip(String id, long at) throws IOException {
        byte[] file = Files.readAllBytes(blobFile(id));
        file[(int) at] ^= 1;
        Files.write(blobFile(id), file);
    }

    void assertDamaged(String id, String what) {
        assertThatThrownBy(() -> readAll(blobs.open(id), 0)).isInstanceOf(BlobDamagedException.class)
                .hasMessageContaining(what);
    }
}
