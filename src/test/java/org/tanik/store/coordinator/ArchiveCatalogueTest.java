package org.tanik.store.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bundle's record table, as stored in its archive_bundle row and read back when the vault opens:
 * every size of table reads back exactly, and a table that is cut short, too long or claims another
 * count is refused.
 */
class ArchiveCatalogueTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 100, 1500})
    void aTableOfAnySizeReadsBackExactly(int records) throws IOException {
        List<ArchiveCatalogue.TableEntry> table = table(records);
        byte[] encoded = ArchiveCatalogue.encode(table);
        assertThat(encoded).hasSize(8 + 64 * records); // format, count, then 64 bytes per record
        assertThat(ArchiveCatalogue.decode(encoded)).isEqualTo(table);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 100})
    void aDamagedTableIsRefused(int records) {
        byte[] encoded = ArchiveCatalogue.encode(table(records));
        assertThatThrownBy(() -> ArchiveCatalogue.decode(Arrays.copyOf(encoded, encoded.length - 1)))
                .as("cut short").isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ArchiveCatalogue.decode(Arrays.copyOf(encoded, encoded.length + 1)))
                .as("a byte too many").isInstanceOf(IOException.class);
        byte[] more = encoded.clone();
        more[7]++; // one record more than the table holds
        assertThatThrownBy(() -> ArchiveCatalogue.decode(more)).as("count too high").isInstanceOf(IOException.class);
        byte[] fewer = encoded.clone();
        fewer[7]--;
        assertThatThrownBy(() -> ArchiveCatalogue.decode(fewer)).as("count too low").isInstanceOf(IOException.class);
        byte[] huge = encoded.clone();
        huge[4] = 0x7f; // a count no table of this size can hold
        assertThatThrownBy(() -> ArchiveCatalogue.decode(huge)).as("count absurd").isInstanceOf(IOException.class);
        // One flipped bit in a record's position: decode refuses it rather than hand a reader a negative length.
        byte[] negativeLength = encoded.clone();
        negativeLength[8 + 16 + 4 + 8] |= (byte) 0x80;
        assertThatThrownBy(() -> ArchiveCatalogue.decode(negativeLength)).as("negative length")
                .isInstanceOf(IOException.class);
        byte[] negativeOffset = encoded.clone();
        negativeOffset[8 + 16 + 4] |= (byte) 0x80;
        assertThatThrownBy(() -> ArchiveCatalogue.decode(negativeOffset)).as("negative offset")
                .isInstanceOf(IOException.class);
        byte[] format = encoded.clone();
        format[3] = 2;
        assertThatThrownBy(() -> ArchiveCatalogue.decode(format)).as("unknown format").isInstanceOf(IOException.class);
    }

    private static List<ArchiveCatalogue.TableEntry> table(int records) {
        List<ArchiveCatalogue.TableEntry> out = new ArrayList<>();
        byte[] sha = new byte[32];
        long offset = 0;
        for (int i = 0; i < records; i++) {
            sha[i % 32] ^= (byte) (i + 1);
            int length = 500 + 37 * i;
            out.add(new ArchiveCatalogue.TableEntry(UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)}).toString(),
                    1 + i % 3, offset, length, HexFormat.of().formatHex(sha)));
            offset += length;
        }
        return out;
    }
}
