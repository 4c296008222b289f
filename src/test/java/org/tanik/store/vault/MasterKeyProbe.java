package org.tanik.store.vault;

/**
 * Test fixture beside {@link MasterKey}: whether a key was wiped (every byte of the master key and of the
 * record key is zero), through the key's package-private accessor. Not part of the store's API.
 */
public final class MasterKeyProbe {

    private MasterKeyProbe() {
    }

    public static boolean wiped(MasterKey key) {
        for (byte b : key.raw()) {
            if (b != 0) {
                return false;
            }
        }
        for (byte b : key.recordKey()) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
