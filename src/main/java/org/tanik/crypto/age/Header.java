package org.tanik.crypto.age;

import java.util.List;

/**
 * A parsed header: its stanzas, the exact bytes the MAC covers (through the "---"), and the MAC.
 */
record Header(List<Stanza> stanzas, byte[] macInput, byte[] mac) {
    static final String VERSION_LINE = "age-encryption.org/v1";
    static final String VERSION_PREFIX = "age-encryption.org/";
    static final String STANZA_PREFIX = "-> ";
    static final String MAC_PREFIX = "---";
    static final int COLUMNS = 64;
}
