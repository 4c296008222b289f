package org.tanik.store.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tanik.crypto.Secrets;
import org.tanik.files.Content;

/**
 * The vault's attachment blobs, {@code <vault>/attachments/<id>.blob}, in the format of
 * {@link BlobCipher}. An unfinished blob is {@code <id>.blob.part}. The blob key is derived from
 * the master key and wiped when the vault locks; after that nothing here opens.
 */
public final class BlobStore implements AutoCloseable {

    /** Ids are canonical lower-case UUIDs: nothing else ever becomes part of a path. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String FINISHED = ".blob";
    private static final String PART = ".blob.part";

    private final Path directory;
    private final byte[] blobKey;
    private volatile boolean closed;

    public BlobStore(Path vaultDirectory, MasterKey masterKey) {
        this.directory = vaultDirectory.resolve("attachments");
        this.blobKey = masterKey.derive(BlobCipher.PURPOSE);
    }

    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** A new blob under {@code id} (which must not exist yet); write, then {@link BlobWriter#finish()}. */
    public BlobWriter create(String id) throws IOException {
        requireOpen();
        Files.createDirectories(directory);
        OwnerOnly.apply(directory);
        return new BlobWriter(checked(id), part(id), finished(id), blobKey);
    }

    /** A finished blob's content; fails with {@link BlobDamagedException} when it is cut short or altered. */
    public Content open(String id) throws IOException {
        Path file = finished(checked(id));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long body = ch.size() - BlobCipher.HEADER_BYTES;
            long rem = body % BlobCipher.SEALED_CHUNK_BYTES;
            if (body < BlobCipher.TAG_BYTES || rem < BlobCipher.TAG_BYTES) {
                // No room for a final chunk: cut short at a chunk boundary, or not a blob at all.
                throw new BlobDamagedException(id, "cut short (no final chunk)");
            }
            long chunks = body / BlobCipher.SEALED_CHUNK_BYTES + 1;
            long size = (chunks - 1) * BlobCipher.CHUNK_BYTES + rem - BlobCipher.TAG_BYTES;
            BlobContent content = new BlobContent(this, id, file, chunks, true, size);
            if (!authenticates(content, ch, chunks - 1)) { // the final chunk: then its size is the writer's
                throw new BlobDamagedException(id, "the final chunk does not authenticate "
                        + "(altered, cut short, or another blob's)");
            }
            return content;
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException("attachment blob " + id);
        }
    }

    /**
     * The authenticated non-final chunks of an unfinished blob ({@code <id>.blob.part}) that a crash
     * left: the content up to the last whole chunk on disk. A torn chunk at the end is left out.
     */
    public Content openPrefix(String id) throws IOException {
        Path file = part(checked(id));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            readHeader(ch, id); // not a blob at all is damage, not an empty prefix
            long chunks = Math.max(0, (ch.size() - BlobCipher.HEADER_BYTES) / BlobCipher.SEALED_CHUNK_BYTES);
            // A power loss may leave whole-length chunks of garbage at the end: they are not the prefix.
            while (chunks > 0 && !authenticates(new BlobContent(this, id, file, chunks, false, 0), ch, chunks - 1)) {
                chunks--;
            }
            return new BlobContent(this, id, file, chunks, false, chunks * BlobCipher.CHUNK_BYTES);
        }
    }

    public boolean exists(String id) {
        return isId(id) && Files.exists(finished(id));
    }

    /** The ids of unfinished blobs ({@code .part}) a crash left. */
    public List<String> unfinished() throws IOException {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(PART) && isId(name.substring(0, name.length() - PART.length()))) {
                    ids.add(name.substring(0, name.length() - PART.length()));
                }
            }
        }
        return ids;
    }

    /** Deletes a blob, finished or not. Its content was readable only with the vault's key anyway. */
    public void delete(String id) throws IOException {
        Files.deleteIfExists(finished(checked(id)));
        Files.deleteIfExists(part(id));
    }

    /** Wipes the blob key: locking the vault. */
    @Override
    public void close() {
        closed = true;
        Secrets.wipe(blobKey);
    }

    byte[] fileKey(byte[] header, String id) throws IOException {
        requireOpen();
        return BlobCipher.fileKey(blobKey, header, id);
    }

    static byte[] readHeader(FileChannel ch, String id) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(BlobCipher.HEADER_BYTES);
        while (b.hasRemaining()) {
            if (ch.read(b, b.position()) < 0) {
                throw new BlobDamagedException(id, "no header");
            }
        }
        if (!BlobCipher.hasMagic(b.array())) {
            throw new BlobDamagedException(id, "not a Tanik blob");
        }
        return b.array();
    }

    /** Whether chunk {@code index} of {@code content} opens; the caller decides what a failure means. */
    private boolean authenticates(BlobContent content, FileChannel ch, long index) throws IOException {
        byte[] header = readHeader(ch, content.id());
        byte[] key = fileKey(header, content.id());
        byte[] plain = new byte[BlobCipher.SEALED_CHUNK_BYTES];
        try {
            content.readChunk(ch, header, key, index, new byte[BlobCipher.SEALED_CHUNK_BYTES], plain);
            return true;
        } catch (BlobDamagedException e) {
            return false;
        } finally {
            Secrets.wipe(key, plain);
        }
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("the vault is locked");
        }
    }

    private static String checked(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("not an attachment id");
        }
        return id;
    }

    private Path finished(String id) {
        return directory.resolve(id + FINISHED);
    }

    private Path part(String id) {
        return directory.resolve(id + PART);
    }
}
