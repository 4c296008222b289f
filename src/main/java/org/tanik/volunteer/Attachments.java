package org.tanik.volunteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.AtomicFiles;
import org.tanik.files.Content;
import org.tanik.model.Attachment;
import org.tanik.model.Consent;
import org.tanik.model.FieldLimits;
import org.tanik.model.Testimony;
import org.tanik.model.TestimonyContent;
import org.tanik.model.TestimonySummary;
import org.tanik.session.OpenVault;
import org.tanik.store.vault.BlobStore;
import org.tanik.store.vault.BlobWriter;
import org.tanik.volunteer.metadata.Metadata;
import org.tanik.work.Progress;

/**
 * A testimony's attached files. The reference (id, SHA-256, size, name, caption) is part of the
 * testimony's content, saved into its draft like any field; the content is encrypted into the vault
 * as it is read ({@code attachments/<id>.blob}) and read back decrypted on the fly, never written
 * in plaintext except by {@link #exportTo}, which the person asks for explicitly.
 */
public final class Attachments {

    /** How much is read and written at a time; memory stays this size whatever the file's. */
    private static final int BUFFER = 1 << 16;
    private final Drafts drafts;
    private final BlobStore blobs;

    public Attachments(OpenVault vault) {
        this.drafts = new Drafts(vault);
        this.blobs = vault.store().blobs();
    }

    /** Where an attachment was found by {@link #find}: its testimony and itself. */
    public record Found(String testimonyId, Attachment attachment) {
    }

    /** What the file reveals (EXIF GPS position, camera, author...), before it is added. */
    public MetadataReport inspect(Path file) {
        requireReadable(file);
        try {
            return Metadata.inspect(file, MediaTypes.of(name(file)));
        } catch (IOException e) {
            throw new TanikException(Problem.ATTACHMENT_UNREADABLE, e, file.toString());
        }
    }

    /**
     * Encrypts {@code file} into the vault as it reads it, with its SHA-256 and size from the same
     * pass, and adds it to the testimony's draft. With {@code stripMetadata} a JPEG loses its EXIF,
     * XMP and IPTC segments on the way (other formats are added as they are). Progress is reported in
     * thousandths; when the person cancels, the partial blob is deleted and
     * {@link Problem#ATTACHMENT_CANCELLED} thrown.
     */
    public Attachment add(String testimonyId, Path file, String caption, boolean stripMetadata, Progress<?> progress) {
        String id = draft(testimonyId).id();
        requireReadable(file);
        String fileName = shorten(name(file));
        String mediaType = MediaTypes.of(fileName);
        String attachmentId = UUID.randomUUID().toString();
        Encrypted written = encrypt(attachmentId, file, stripMetadata ? mediaType : null, progress);
        Attachment a = new Attachment(attachmentId, written.sha256, written.size, fileName, mediaType, caption,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), List.of());
        try {
            TestimonyContent c = draft(id).content(); // read again: the draft may have been saved meanwhile
            List<Attachment> list = new ArrayList<>(c.attachments());
            list.add(a);
            drafts.saveDraft(id, c.withAttachments(list));
            return a;
        } catch (RuntimeException e) {
            deleteQuietly(attachmentId);
            throw e;
        }
    }

    /** The latest version's attachments, in the order they were added. */
    public List<Attachment> list(String testimonyId) {
        return drafts.latest(testimonyId).content().attachments();
    }

    /** The attachment's content, decrypted as it is read, from any offset. */
    public Content content(String testimonyId, String attachmentId) {
        return open(attachment(testimonyId, attachmentId));
    }

    /** Sets an attachment's caption in the draft. */
    public Testimony caption(String testimonyId, String attachmentId, String caption) {
        Testimony t = draft(testimonyId);
        Attachment a = resolve(t.content().attachments(), attachmentId);
        List<Attachment> list = new ArrayList<>();
        for (Attachment each : t.content().attachments()) {
            list.add(each.id().equals(a.id()) ? each.withCaption(caption) : each);
        }
        return drafts.saveDraft(t.id(), t.content().withAttachments(list));
    }

    /**
     * Removes an attachment from the draft. Its blob is deleted when no version of the testimony
     * refers to it any more (a sealed version that has it keeps it, since it may still travel).
     */
    public Testimony remove(String testimonyId, String attachmentId) {
        Testimony t = draft(testimonyId);
        Attachment a = resolve(t.content().attachments(), attachmentId);
        List<Attachment> list = new ArrayList<>(t.content().attachments());
        list.removeIf(each -> each.id().equals(a.id()));
        TestimonyContent c = t.content().withAttachments(list);
        Consent consent = c.consent();
        if (consent != null && a.id().equals(consent.formAttachment())) {
            // The signed form's photo is gone: the record must not point at nothing.
            c = c.withConsent(new Consent(consent.method(), consent.givenAt(), consent.takenBy(), consent.scopes(),
                    null, consent.note()));
        }
        Testimony saved = drafts.saveDraft(t.id(), c);
        if (!referencedByAnyVersion(t.id(), a.id())) {
            deleteQuietly(a.id());
        }
        return saved;
    }

    /**
     * Writes a readable copy of the attachment to {@code out}, which must not exist: the one way its
     * plaintext leaves the vault, on the person's explicit request. The copy's SHA-256 is checked as
     * it is written; a mismatch leaves no file.
     */
    public Attachment exportTo(String testimonyId, String attachmentId, Path out) {
        Attachment a = attachment(testimonyId, attachmentId);
        if (Files.exists(out)) {
            throw new TanikException(Problem.FILE_EXISTS, String.valueOf(out.getFileName()));
        }
        Content content = open(a);
        AtomicFiles.createNew(out, stream -> copyChecked(a, content, stream));
        return a;
    }

    /**
     * The attachment with this id, or an unambiguous prefix of one, among the latest versions of
     * every testimony (for a command line that names only the attachment).
     */
    public Found find(String attachmentIdOrPrefix) {
        String p = prefix(attachmentIdOrPrefix);
        List<Found> matches = new ArrayList<>();
        for (TestimonySummary s : drafts.list()) {
            for (Attachment a : drafts.latest(s.id()).content().attachments()) {
                if (a.id().startsWith(p)) {
                    matches.add(new Found(s.id(), a));
                }
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new TanikException(matches.isEmpty() ? Problem.ATTACHMENT_NOT_FOUND : Problem.ATTACHMENT_AMBIGUOUS, p);
    }

    // ---- Adding.

    private record Encrypted(String sha256, long size) {
    }

    private Encrypted encrypt(String attachmentId, Path file, String stripAs, Progress<?> progress) {
        long total;
        BlobWriter blob;
        try {
            total = Files.size(file);
            blob = blobs.create(attachmentId);
        } catch (IOException e) {
            throw AtomicFiles.failure(e, "attachments");
        }
        MessageDigest sha = org.tanik.crypto.Sha256.digest();
        try (blob; CountingInput counted = new CountingInput(Files.newInputStream(file));
             InputStream in = stripAs == null ? counted : Metadata.strip(counted, stripAs)) {
            byte[] buf = new byte[BUFFER];
            int perMille = -1;
            for (int n; (n = readSource(in, buf, file)) >= 0; ) {
                if (progress.cancelled()) {
                    throw new TanikException(Problem.ATTACHMENT_CANCELLED); // closing the blob deletes it
                }
                sha.update(buf, 0, n);
                blob.write(buf, 0, n);
                int now = total == 0 ? 1000 : (int) Math.min(1000, counted.count * 1000 / total);
                if (now != perMille) {
                    perMille = now;
                    progress.advanced(now, 1000, null);
                }
            }
            long size = blob.finish();
            if (perMille != 1000) {
                progress.advanced(1000, 1000, null);
            }
            return new Encrypted(HexFormat.of().formatHex(sha.digest()), size);
        } catch (IOException e) {
            throw AtomicFiles.failure(e, "attachments");
        }
    }

    /** A read of the source file; its failure is the file's, not the vault's. */
    private static int readSource(InputStream in, byte[] buf, Path file) {
        try {
            return in.read(buf);
        } catch (IOException e) {
            throw new TanikException(Problem.ATTACHMENT_UNREADABLE, e, file.toString());
        }
    }

    /** Counts the bytes read from the file itself (before any stripping), for progress. */
    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }

    // ---- Reading.

    private Content open(Attachment a) {
        try {
            Content c = blobs.open(a.id());
            if (c.size() != a.size()) {
                throw new TanikException(Problem.ATTACHMENT_DAMAGED, a.id());
            }
            return c;
        } catch (IOException e) {
            throw new TanikException(Problem.ATTACHMENT_DAMAGED, e, a.id());
        }
    }

    private static Void copyChecked(Attachment a, Content content, OutputStream out) throws IOException {
        MessageDigest sha = org.tanik.crypto.Sha256.digest();
        byte[] buf = new byte[BUFFER];
        try (InputStream in = content.open(0)) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        } finally {
            java.util.Arrays.fill(buf, (byte) 0);
        }
        if (!HexFormat.of().formatHex(sha.digest()).equals(a.sha256())) {
            throw new TanikException(Problem.ATTACHMENT_DAMAGED, a.id());
        }
        return null;
    }

    /** The attachment in the latest version, or else in an earlier one (a removed file a sealed version keeps). */
    private Attachment attachment(String testimonyId, String attachmentId) {
        Testimony latest = drafts.latest(testimonyId);
        try {
            return resolve(latest.content().attachments(), attachmentId);
        } catch (TanikException notInLatest) {
            if (notInLatest.problem() != Problem.ATTACHMENT_NOT_FOUND) {
                throw notInLatest;
            }
            for (int v = latest.version() - 1; v >= 1; v--) {
                for (Attachment a : drafts.version(latest.id(), v).content().attachments()) {
                    if (a.id().equals(attachmentId)) {
                        return a;
                    }
                }
            }
            throw notInLatest;
        }
    }

    // ---- Helpers.

    private Testimony draft(String testimonyId) {
        Testimony t = drafts.latest(testimonyId);
        if (t.isSealed()) {
            throw new TanikException(Problem.TESTIMONY_SEALED);
        }
        return t;
    }

    private boolean referencedByAnyVersion(String testimonyId, String attachmentId) {
        for (TestimonySummary s : drafts.history(testimonyId)) {
            if (drafts.version(testimonyId, s.version()).content().attachment(attachmentId).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** An id or an unambiguous prefix of one (at least four characters), as listings show them. */
    private static Attachment resolve(List<Attachment> attachments, String idOrPrefix) {
        String p = prefix(idOrPrefix);
        List<Attachment> matches = attachments.stream().filter(a -> a.id().startsWith(p)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new TanikException(matches.isEmpty() ? Problem.ATTACHMENT_NOT_FOUND : Problem.ATTACHMENT_AMBIGUOUS, p);
    }

    private static String prefix(String idOrPrefix) {
        String p = idOrPrefix == null ? "" : idOrPrefix.strip().toLowerCase(Locale.ROOT);
        if (!p.matches("[0-9a-f-]{4,36}")) {
            throw new TanikException(Problem.ATTACHMENT_NOT_FOUND, p.replaceAll("[^0-9A-Za-z-]", "?"));
        }
        return p;
    }

    private static void requireReadable(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new TanikException(Problem.ATTACHMENT_UNREADABLE, file.toString());
        }
    }

    private static String name(Path file) {
        Path n = file.getFileName();
        return n == null ? "" : n.toString();
    }

    /** A file name beyond the field limit is cut, keeping its extension; it is shown, never used as a path. */
    private static String shorten(String name) {
        if (name.length() <= FieldLimits.SHORT) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        return name.substring(0, FieldLimits.SHORT - ext.length()) + ext;
    }

    private void deleteQuietly(String attachmentId) {
        try {
            blobs.delete(attachmentId);
        } catch (IOException ignored) {
            // Only ciphertext is left, readable with the vault's key alone; the next remove tries again.
        }
    }
}
