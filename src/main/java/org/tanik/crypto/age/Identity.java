package org.tanik.crypto.age;

import java.util.List;

/** Something that can recover the file key from a header's stanzas. */
public interface Identity {
    /**
     * Returns the 16-byte file key, or {@code null} if no stanza is addressed to this
     * identity. Throws a header failure for a malformed stanza of this identity's type.
     */
    byte[] unwrap(List<Stanza> stanzas) throws AgeException;
}
