package org.tanik.crypto.age;

import java.util.List;

/** Something a file can be encrypted to: it wraps the file key into stanzas. */
public interface Recipient {
    /** Wraps the 16-byte file key; usually one stanza. */
    List<Stanza> wrap(byte[] fileKey) throws AgeException;
}
