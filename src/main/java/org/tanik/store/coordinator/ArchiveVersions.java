package org.tanik.store.coordinator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.tanik.crypto.Secrets;
import org.tanik.crypto.Sha256;
import org.tanik.crypto.age.AgeException;
import org.tanik.crypto.age.PayloadReader;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Testimony;
import org.tanik.model.json.TestimonyCodec;
import org.tanik.store.coordinator.Archive.Entry;
import org.tanik.store.coordinator.ArchiveCatalogue.Location;
import org.tanik.store.coordinator.ArchiveCatalogue.TableEntry;
import org.tanik.store.db.VaultDb;

/**
 * Reads archived versions back: from a bundle's sealed payload (only the chunks that hold a version,
 * or one pass over the whole payload) or from an archive_version row of an older vault, checking each
 * against the hash recorded at import. The archive's reading half, kept apart from its bookkeeping.
 */
final class ArchiveVersions {

    private final VaultDb db;
    private final ArchivePayloads payloads;

    ArchiveVersions(VaultDb db, ArchivePayloads payloads) {
        this.db = db;
        this.payloads = payloads;
    }

    /** See {@link Archive#unreadableVersions}. */
    List<Archive.Unreadable> unreadable(String bundleId) {
        List<Archive.Unreadable> out = new ArrayList<>();
        byte[] key = payloadKey(bundleId);
        try {
            for (Location l : locations(bundleId)) {
                try (SeekableByteChannel ch = payloads.open(bundleId)) {
                    fromPayload(l, PayloadReader.read(ch, key, l.offset(), l.length()));
                } catch (IOException e) {
                    out.add(new Archive.Unreadable(l.id(), l.version(), damaged(e).problem()));
                } catch (TanikException e) {
                    out.add(new Archive.Unreadable(l.id(), l.version(), e.problem()));
                }
            }
        } finally {
            Secrets.wipe(key);
        }
        return out;
    }

    /** Where each version a bundle added lies in its payload, in payload order. */
    List<Location> locations(String bundleId) {
        byte[] table = db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT a.records, b.device FROM archive_bundle a "
                    + "JOIN received_bundle b ON b.bundle_id = a.bundle_id WHERE a.bundle_id = ?")) {
                s.setObject(1, UUID.fromString(bundleId));
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getBytes(1) : null;
                }
            }
        });
        if (table == null) {
            throw new TanikException(Problem.DATABASE_DAMAGED);
        }
        List<Location> locations = new ArrayList<>();
        try {
            for (TableEntry e : ArchiveCatalogue.decode(table)) {
                locations.add(Archive.location(e, bundleId, null));
            }
        } catch (IOException e) {
            throw new TanikException(Problem.DATABASE_DAMAGED);
        }
        locations.sort(Comparator.comparingLong(Location::offset));
        return locations;
    }

    byte[] payloadKey(String bundleId) {
        byte[] sealed = db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT payload_key FROM archive_bundle WHERE bundle_id = ?")) {
                s.setObject(1, UUID.fromString(bundleId));
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getBytes(1) : null;
                }
            }
        });
        if (sealed == null) {
            throw new TanikException(Problem.DATABASE_DAMAGED);
        }
        return db.cipher.open("payload-key", bundleId, 0, "-", sealed);
    }

    Entry readOne(Location l) {
        byte[] key = payloadKey(l.bundleId());
        try (SeekableByteChannel ch = payloads.open(l.bundleId())) {
            return fromPayload(l, PayloadReader.read(ch, key, l.offset(), l.length()));
        } catch (IOException e) {
            throw damaged(e);
        } finally {
            Secrets.wipe(key);
        }
    }

    /** Reads the wanted versions of one bundle (sorted by offset) in a single pass over its payload. */
    void readSequentially(String bundleId, List<Location> wanted, Consumer<Entry> consumer) {
        byte[] key = payloadKey(bundleId);
        try (InputStream plain = PayloadReader.stream(payloads.stream(bundleId), key)) {
            long position = 0;
            for (Location l : wanted) {
                plain.skipNBytes(l.offset() - position);
                byte[] bytes = plain.readNBytes(l.length());
                position = l.offset() + bytes.length;
                if (bytes.length != l.length()) {
                    throw new TanikException(Problem.RECORD_TAMPERED);
                }
                consumer.accept(fromPayload(l, bytes));
            }
        } catch (IOException e) {
            throw damaged(e);
        } finally {
            Secrets.wipe(key);
        }
    }

    static TanikException damaged(IOException e) {
        // A chunk that fails to authenticate was altered; a file that is missing or unreadable is damage.
        return new TanikException(e instanceof AgeException ? Problem.RECORD_TAMPERED : Problem.DATABASE_DAMAGED, e);
    }

    Entry readRow(Location l) {
        byte[] sealed = db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT content FROM archive_version WHERE testimony_id = ? "
                    + "AND version = ?")) {
                s.setObject(1, UUID.fromString(l.id()));
                s.setInt(2, l.version());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getBytes(1) : null;
                }
            }
        });
        if (sealed == null) {
            throw new TanikException(Problem.DATABASE_DAMAGED);
        }
        return parse(l, db.cipher.open("archive", l.id(), l.version(), "-", sealed));
    }

    Entry fromPayload(Location l, byte[] plain) {
        if (!Sha256.hex(plain).equals(l.sha256())) {
            Secrets.wipe(plain);
            throw new TanikException(Problem.RECORD_TAMPERED);
        }
        return parse(l, plain);
    }

    Entry parse(Location l, byte[] plain) {
        try {
            Testimony t = TestimonyCodec.readLenient(plain);
            if (!t.id().equals(l.id()) || t.version() != l.version()) {
                throw new TanikException(Problem.RECORD_TAMPERED);
            }
            return new Entry(t, l.device(), l.bundleId());
        } catch (IllegalArgumentException e) {
            throw new TanikException(Problem.DATABASE_DAMAGED);
        } finally {
            Secrets.wipe(plain);
        }
    }

}
