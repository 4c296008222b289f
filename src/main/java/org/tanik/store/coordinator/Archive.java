package org.tanik.store.coordinator;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.files.Content;
import org.tanik.model.Provenance;
import org.tanik.model.Testimony;
import org.tanik.store.coordinator.ArchiveCatalogue.Location;
import org.tanik.store.coordinator.ArchiveCatalogue.TableEntry;
import org.tanik.store.db.VaultDb;

/**
 * The coordinator's archive: every imported testimony version, with the bundle it came in. The
 * newest version of a testimony is its "latest"; older ones stay readable.
 *
 * <p>An imported bundle's payload is kept as its sealed age chunks ({@link ArchivePayloads}); one
 * row per bundle holds the payload key (sealed) and the table of the versions it added (offset,
 * length and the SHA-256 from the signed manifest). Reading a version opens only the chunks that
 * hold it and checks its hash. Versions imported before this design keep their sealed content in
 * an archive_version row. Where each version is, is kept in memory ({@link ArchiveCatalogue}).
 */
public final class Archive {

    /** One archived version and the device it came from. */
    public record Entry(Testimony testimony, String device, String bundleId) {
    }

    /** A verified record to archive: where its JSON lies in the bundle's payload, and its hash. */
    public record Incoming(Testimony testimony, long offset, int length, String sha256) {
    }

    /** An attachment of a verified bundle: its content hash, where its content lies in the payload, its size. */
    public record IncomingAttachment(String sha256, long offset, long size) {
    }

    /** What is kept of one imported bundle besides its payload file. */
    public record StoredBundle(String bundleId, String device, byte[] payloadKey, long payloadSize, byte[] manifest,
                               byte[] signature) {
    }

    private final VaultDb db;
    private final ArchivePayloads payloads;
    private final ArchiveCatalogue catalogue = new ArchiveCatalogue();
    /** Versions archived by the transaction in progress, by "id/version", in order. */
    private final Map<String, Location> pending = new LinkedHashMap<>();
    private final ArchiveVersions reader;

    Archive(VaultDb db, ArchivePayloads payloads) {
        this.db = db;
        this.payloads = payloads;
        this.reader = new ArchiveVersions(db, payloads);
        load();
    }

    /** Where staged payloads are written while bundles are verified. */
    public ArchivePayloads payloads() {
        return payloads;
    }

    /**
     * Archives the versions of one bundle that are not archived yet, and returns them. Its payload
     * file must already be committed. Call inside the import's transaction: the versions become
     * visible when it commits.
     */
    public List<Testimony> addBundle(StoredBundle bundle, List<Incoming> records) {
        return addBundle(bundle, records, List.of());
    }

    /**
     * As {@link #addBundle(StoredBundle, List)}, and records where each of the bundle's attachments
     * lies, unless the archive already holds that content (then the first bundle that carried it keeps
     * it: a blob sent again is found where it first arrived).
     */
    public List<Testimony> addBundle(StoredBundle bundle, List<Incoming> records, List<IncomingAttachment> attachments) {
        synchronized (db.lock) {
            if (pending.isEmpty()) {
                // Versions added in this transaction count as archived for the rest of it, and
                // join the catalogue only if it commits.
                db.afterTransaction(committed -> {
                    if (committed) {
                        pending.values().forEach(catalogue::add);
                    }
                    pending.clear();
                });
            }
            List<Incoming> fresh = new ArrayList<>();
            for (Incoming in : records) {
                Testimony t = in.testimony();
                String key = t.id() + "/" + t.version();
                if (!catalogue.contains(t.id(), t.version()) && !pending.containsKey(key)) {
                    pending.put(key, new Location(t.id(), t.version(), bundle.bundleId(), bundle.device(), in.offset(),
                            in.length(), in.sha256(), false));
                    fresh.add(in);
                }
            }
            String id = bundle.bundleId();
            List<TableEntry> table = fresh.stream().map(in -> new TableEntry(in.testimony().id(), in.testimony().version(),
                    in.offset(), in.length(), in.sha256())).toList();
            db.call(() -> {
                try (PreparedStatement s = db.prepare("INSERT INTO archive_bundle (bundle_id, payload_key, payload_size, "
                        + "records, manifest, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
                    s.setObject(1, UUID.fromString(id));
                    s.setBytes(2, db.cipher.seal("payload-key", id, 0, "-", bundle.payloadKey()));
                    s.setLong(3, bundle.payloadSize());
                    // The table and the manifest are metadata (ids, sizes, hashes), which H2's own
                    // encryption covers as for every other table; a damaged one cannot pass for
                    // another, since each read is checked against the chunks' tags and the hash.
                    s.setBytes(4, ArchiveCatalogue.encode(table));
                    s.setBytes(5, bundle.manifest());
                    s.setBytes(6, bundle.signature());
                    s.executeUpdate();
                }
                try (PreparedStatement s = db.prepare("INSERT INTO archive_attachment (sha256, bundle_id, entry_offset, "
                        + "size) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM archive_attachment WHERE sha256 = ?)")) {
                    for (IncomingAttachment a : attachments) {
                        s.setString(1, a.sha256());
                        s.setObject(2, UUID.fromString(id));
                        s.setLong(3, a.offset());
                        s.setLong(4, a.size());
                        s.setString(5, a.sha256());
                        s.executeUpdate();
                    }
                }
                return null;
            });
            return fresh.stream().map(Incoming::testimony).toList();
        }
    }

    /** Whether the archive holds the attachment with this content hash. */
    public boolean holdsAttachment(String sha256) {
        return attachmentRow(sha256) != null;
    }

    /**
     * The archived attachment with this content hash, read from the sealed payload that carried it,
     * chunk by chunk as it is read; empty when the archive does not hold it.
     */
    public Optional<Content> attachment(String sha256) {
        AttachmentRow row = attachmentRow(sha256);
        return row == null ? Optional.empty()
                : Optional.of(new ArchivedAttachment(reader, payloads, row.bundleId(), row.offset(), row.size(), sha256));
    }

    /** Where an archived attachment lies: its bundle's payload, the offset there, its size. */
    private record AttachmentRow(String bundleId, long offset, long size) {
    }

    private AttachmentRow attachmentRow(String sha256) {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT CAST(bundle_id AS VARCHAR), entry_offset, size "
                    + "FROM archive_attachment WHERE sha256 = ?")) {
                s.setString(1, sha256);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? new AttachmentRow(r.getString(1), r.getLong(2), r.getLong(3)) : null;
                }
            }
        });
    }

    /**
     * Streams the latest version of every archived testimony (for the in-memory search index),
     * reading each bundle's payload once, front to back.
     */
    public void forEachLatest(Consumer<Entry> consumer) {
        List<Location> latest;
        synchronized (db.lock) {
            latest = catalogue.latest();
        }
        readGroupedByBundle(latest, consumer);
    }

    /**
     * Every version of the given testimonies (an export of many), reading each bundle's payload once,
     * front to back, as {@link #forEachLatest} does; entries come grouped by bundle, not in the order
     * of {@code ids}. Unknown ids are skipped.
     */
    public void forEachVersion(java.util.Collection<String> ids, Consumer<Entry> consumer) {
        List<Location> wanted = new ArrayList<>();
        synchronized (db.lock) {
            for (String id : ids) {
                wanted.addAll(catalogue.versions(id));
            }
        }
        readGroupedByBundle(wanted, consumer);
    }

    /** Reads the records at {@code locations}: those in rows directly, the rest one bundle payload at a time, front to back. */
    private void readGroupedByBundle(List<Location> locations, Consumer<Entry> consumer) {
        Map<String, List<Location>> byBundle = new LinkedHashMap<>();
        locations.stream().sorted(Comparator.comparing(Location::bundleId).thenComparingLong(Location::offset))
                .forEach(l -> {
                    if (l.inRow()) {
                        consumer.accept(reader.readRow(l));
                    } else {
                        byBundle.computeIfAbsent(l.bundleId(), k -> new ArrayList<>()).add(l);
                    }
                });
        byBundle.forEach((bundleId, inBundle) -> reader.readSequentially(bundleId, inBundle, consumer));
    }

    public List<Entry> versions(String id) {
        List<Location> versions;
        synchronized (db.lock) {
            versions = catalogue.versions(id);
        }
        if (versions.isEmpty()) {
            throw new TanikException(Problem.TESTIMONY_NOT_FOUND, id);
        }
        List<Entry> out = new ArrayList<>();
        for (Location l : versions) {
            out.add(l.inRow() ? reader.readRow(l) : reader.readOne(l));
        }
        return out;
    }

    public int countVersions() {
        synchronized (db.lock) {
            return catalogue.count();
        }
    }

    public Optional<Provenance> provenance(String id, int version) {
        Location l;
        synchronized (db.lock) {
            l = catalogue.version(id, version);
        }
        if (l == null) {
            return Optional.empty();
        }
        return db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT device, sequence, file_sha256, created_at, received_at, "
                    + "imported_at, flagged FROM received_bundle WHERE bundle_id = ?")) {
                s.setObject(1, UUID.fromString(l.bundleId()));
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    String verification = r.getBoolean(7)
                            ? "signature and hashes verified; flagged: sent by a device revoked since"
                            : "signature and hashes verified";
                    return Optional.of(new Provenance(id, version, r.getString(1), l.bundleId(), r.getLong(2),
                            r.getString(3), r.getTimestamp(4).toInstant(), r.getTimestamp(5).toInstant(),
                            r.getTimestamp(6).toInstant(), verification));
                }
            }
        });
    }

    /** What the archive keeps to prove a bundle's records: its signed manifest and the versions it added. */
    public record Evidence(String bundleId, String device, byte[] manifest, byte[] signature, List<Recorded> records) {
    }

    /** A version as the archive recorded it: where it must be found in the manifest, and its hash. */
    public record Recorded(String id, int version, String sha256) {
    }

    /**
     * Whether the archive holds a bundle with exactly this signed manifest and signature: the same
     * signed content, even if its file differs (encrypted again, or by someone else).
     */
    public boolean holdsSigned(String bundleId, byte[] manifest, byte[] signature) {
        return db.call(() -> {
            try (PreparedStatement s = db.prepare(
                    "SELECT manifest, signature FROM archive_bundle WHERE bundle_id = CAST(? AS UUID)")) {
                s.setString(1, bundleId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() && java.util.Arrays.equals(r.getBytes(1), manifest)
                            && java.util.Arrays.equals(r.getBytes(2), signature);
                }
            }
        });
    }

    /** The evidence of every bundle whose payload the archive keeps, in import order. */
    public List<Evidence> evidence() {
        return db.call(() -> {
            List<Evidence> out = new ArrayList<>();
            try (PreparedStatement s = db.prepare("SELECT CAST(a.bundle_id AS VARCHAR), b.device, a.manifest, "
                    + "a.signature, a.records FROM archive_bundle a JOIN received_bundle b ON b.bundle_id = a.bundle_id "
                    + "ORDER BY b.imported_at, a.bundle_id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<Recorded> records = new ArrayList<>();
                    try {
                        for (TableEntry e : ArchiveCatalogue.decode(r.getBytes(5))) {
                            records.add(new Recorded(e.id(), e.version(), e.sha256()));
                        }
                    } catch (IOException e) {
                        throw new TanikException(Problem.DATABASE_DAMAGED);
                    }
                    out.add(new Evidence(r.getString(1), r.getString(2), r.getBytes(3), r.getBytes(4), records));
                }
            }
            return out;
        });
    }

    /**
     * Reads every version a bundle added from its payload, checking each against its recorded hash;
     * throws {@link TanikException} (RECORD_TAMPERED or DATABASE_DAMAGED) at the first that fails.
     */
    public void readBundle(String bundleId, Consumer<Entry> consumer) {
        reader.readSequentially(bundleId, reader.locations(bundleId), consumer);
    }

    /**
     * Reads every version a bundle added one at a time, each from only the chunks that hold it, so
     * that one that fails does not hide the others. Slower than {@link #readBundle}: for listing what
     * failed after it threw. Answers, in payload order, the versions that cannot be read as recorded
     * (RECORD_TAMPERED: altered or damaged; DATABASE_DAMAGED: unreadable). Throws when the bundle's own
     * table or key cannot be read.
     */
    public List<Unreadable> unreadableVersions(String bundleId) {
        return reader.unreadable(bundleId);
    }

    /** A version that {@link #unreadableVersions} could not read as recorded, and why. */
    public record Unreadable(String id, int version, Problem problem) {
    }

    /** Ids of the bundles whose payloads the archive refers to. */
    Set<String> payloadBundleIds() {
        return db.call(() -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement s = db.prepare("SELECT CAST(bundle_id AS VARCHAR) FROM archive_bundle");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    /** Builds the catalogue: versions kept in rows, then each bundle's table in import order. */
    private void load() {
        db.call(() -> {
            try (PreparedStatement s = db.prepare("SELECT CAST(testimony_id AS VARCHAR), version, device, "
                    + "CAST(bundle_id AS VARCHAR) FROM archive_version");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    catalogue.add(new Location(r.getString(1), r.getInt(2), r.getString(4), r.getString(3), 0, 0, null,
                            true));
                }
            }
            try (PreparedStatement s = db.prepare("SELECT CAST(a.bundle_id AS VARCHAR), a.records, b.device "
                    + "FROM archive_bundle a JOIN received_bundle b ON b.bundle_id = a.bundle_id "
                    + "ORDER BY b.imported_at, a.bundle_id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String bundleId = r.getString(1);
                    byte[] table = r.getBytes(2);
                    try {
                        for (TableEntry e : ArchiveCatalogue.decode(table)) {
                            catalogue.add(location(e, bundleId, r.getString(3)));
                        }
                    } catch (IOException e) {
                        throw new TanikException(Problem.DATABASE_DAMAGED);
                    }
                }
            }
            return null;
        });
    }

    static Location location(TableEntry e, String bundleId, String device) {
        return new Location(e.id(), e.version(), bundleId, device, e.offset(), e.length(), e.sha256(), false);
    }

}
