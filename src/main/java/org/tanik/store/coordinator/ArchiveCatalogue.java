package org.tanik.store.coordinator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Where every archived testimony version is, held in memory for the unlocked vault. A bundle's
 * records are stored as one sealed table per bundle (see {@link #encode}), so an import writes one
 * row, not one per record; the catalogue is rebuilt from those tables when the vault opens.
 * Not thread-safe: the archive guards it with the vault's monitor.
 */
final class ArchiveCatalogue {

    /**
     * One archived version: a range of a bundle's payload, or, for versions imported before
     * payloads were kept, sealed content in its archive_version row ({@code inRow}).
     */
    record Location(String id, int version, String bundleId, String device, long offset, int length, String sha256,
                    boolean inRow) {
    }

    /** A record of a bundle's table: which version, and where in the payload. */
    record TableEntry(String id, int version, long offset, int length, String sha256) {
    }

    private static final int TABLE_FORMAT = 1;
    /** Bytes of one record in a table: id (16), version (4), offset (8), length (4), SHA-256 (32). */
    private static final int ENTRY_BYTES = 64;

    private final Map<String, NavigableMap<Integer, Location>> byTestimony = new HashMap<>();
    private int count;

    /** Adds a location unless that version is already known (the first import of a version wins). */
    boolean add(Location l) {
        if (byTestimony.computeIfAbsent(l.id(), k -> new TreeMap<>()).putIfAbsent(l.version(), l) == null) {
            count++;
            return true;
        }
        return false;
    }

    boolean contains(String id, int version) {
        NavigableMap<Integer, Location> versions = byTestimony.get(id);
        return versions != null && versions.containsKey(version);
    }

    /** Every version of a testimony, oldest first; empty when unknown. */
    List<Location> versions(String id) {
        NavigableMap<Integer, Location> versions = byTestimony.get(id);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    Location version(String id, int version) {
        NavigableMap<Integer, Location> versions = byTestimony.get(id);
        return versions == null ? null : versions.get(version);
    }

    /** The newest version of every testimony. */
    List<Location> latest() {
        List<Location> out = new ArrayList<>(byTestimony.size());
        for (NavigableMap<Integer, Location> versions : byTestimony.values()) {
            out.add(versions.lastEntry().getValue());
        }
        return out;
    }

    int count() {
        return count;
    }

    /** A bundle's table, compact and fixed-width per record: 16-byte id, version, offset, length, SHA-256. */
    static byte[] encode(Collection<TableEntry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + entries.size() * ENTRY_BYTES);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(TABLE_FORMAT);
            out.writeInt(entries.size());
            for (TableEntry e : entries) {
                UUID id = UUID.fromString(e.id());
                out.writeLong(id.getMostSignificantBits());
                out.writeLong(id.getLeastSignificantBits());
                out.writeInt(e.version());
                out.writeLong(e.offset());
                out.writeInt(e.length());
                out.write(HexFormat.of().parseHex(e.sha256()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /** Reads a table written by {@link #encode}; throws IOException when it is not one. */
    static List<TableEntry> decode(byte[] table) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(table));
        if (in.readInt() != TABLE_FORMAT) {
            throw new IOException("unknown record table format");
        }
        int n = in.readInt();
        if (n < 0 || n != (table.length - 8) / ENTRY_BYTES) {
            throw new IOException("bad record count");
        }
        List<TableEntry> out = new ArrayList<>(n);
        byte[] sha = new byte[32];
        for (int i = 0; i < n; i++) {
            String id = new UUID(in.readLong(), in.readLong()).toString();
            int version = in.readInt();
            long offset = in.readLong();
            int length = in.readInt();
            if (version < 1 || offset < 0 || length < 0) {
                throw new IOException("bad record position"); // a flipped bit: H2's encryption has no integrity
            }
            in.readFully(sha);
            out.add(new TableEntry(id, version, offset, length, HexFormat.of().formatHex(sha)));
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return out;
    }
}
