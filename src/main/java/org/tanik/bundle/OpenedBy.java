package org.tanik.bundle;

import java.util.ArrayList;
import java.util.List;
import org.tanik.crypto.age.AgeException;
import org.tanik.crypto.age.Identity;
import org.tanik.crypto.age.Stanza;
import org.tanik.crypto.age.X25519Identity;

/**
 * Wraps the caller's identities to learn which one opened the file: the age decryptor does not say,
 * and the reader must check that very identity's recipient against the signed manifest.
 */
final class OpenedBy {
    private final List<Identity> wrapped = new ArrayList<>();
    private Identity matched;

    OpenedBy(List<? extends Identity> identities) {
        for (Identity id : identities) {
            wrapped.add(stanzas -> unwrap(id, stanzas));
        }
    }

    private byte[] unwrap(Identity id, List<Stanza> stanzas) throws AgeException {
        byte[] fileKey = id.unwrap(stanzas);
        if (fileKey != null && matched == null) {
            matched = id;
        }
        return fileKey;
    }

    List<Identity> identities() {
        return wrapped;
    }

    /** The age1… recipient of the identity that opened the file, or null if it has none (e.g. scrypt). */
    String recipient() {
        return matched instanceof X25519Identity x ? x.recipient().encode() : null;
    }
}
