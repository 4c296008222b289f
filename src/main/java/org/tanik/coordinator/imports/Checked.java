package org.tanik.coordinator.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tanik.bundle.BundleException;
import org.tanik.bundle.VerifiedBundle;
import org.tanik.coordinator.search.SearchIndex;
import org.tanik.crypto.Secrets;
import org.tanik.store.coordinator.Archive;
import org.tanik.store.coordinator.ArchivePayloads;

/**
 * What {@link BundleCheck} found in one file, before any decision: the part of an import that can
 * run ahead on a worker. Three kinds of refusal, each found at a different depth, and the bundle
 * that may be stored. {@code name} is how the verdict names the file.
 */
sealed interface Checked extends AutoCloseable {

    String name();

    /** Drops what the check left on disk and wipes its keys; nothing to do unless {@link Verified}. */
    @Override
    default void close() {
    }

    /** The file was not read through: too large to be a bundle, or the disk would not give it. Its hash is unknown. */
    record Unread(String name, ImportNote reason) implements Checked {
    }

    /**
     * Read, but not an authentic bundle for this organisation: it does not decrypt, its signature or a
     * hash fails, or its format is broken. {@code sha} is the file's hash (null for a held bundle).
     */
    record Unverified(String name, String sha, BundleException.Reason reason) implements Checked {
    }

    /** Authentic (signed by the device it names), whether or not the organisation accepts it. */
    sealed interface Authentic extends Checked {
        String sha();

        VerifiedBundle bundle();
    }

    /**
     * Authentic, but the organisation refuses it: not addressed to exactly its recipients, or a record
     * breaks the rules ({@link BundleAcceptance}). {@code reason} names ids and codes only.
     */
    record Unacceptable(String name, String sha, VerifiedBundle bundle, ImportNote reason) implements Authentic {
    }

    /**
     * Authentic and acceptable: ready to be stored or held. Its payload is staged in the archive folder,
     * under {@code payloadKey}; {@code incoming} and {@code attachments} say where each record and
     * attachment lies in it, and {@code documents} are the records' search-index documents (empty
     * without an index).
     */
    record Verified(String name, Path file, String sha, VerifiedBundle bundle, ArchivePayloads.Staged staged,
                    byte[] payloadKey, long payloadSize, List<Archive.Incoming> incoming,
                    List<Archive.IncomingAttachment> attachments,
                    Map<String, SearchIndex.Document> documents) implements Authentic {

        /** Drops the staged payload unless it was committed, and wipes the key. */
        @Override
        public void close() {
            staged.close();
            Secrets.wipe(payloadKey);
        }
    }
}
