package org.tanik.volunteer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.tanik.crypto.Ed25519Pem;
import org.tanik.files.AtomicFiles;
import org.tanik.session.OpenVault;
import org.tanik.store.VaultSession;

/**
 * This device's bundle-signing key as the volunteer shows it: the fingerprint read to a coordinator,
 * and the public key for checking bundles with other tools. The private key never leaves the store.
 */
public final class DeviceKey {

    private final VaultSession vault;

    public DeviceKey(OpenVault vault) {
        this.vault = vault.store();
    }

    public String fingerprint() {
        return vault.device().fingerprint();
    }

    /** The raw 32-byte public key in Base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(vault.device().publicKey());
    }

    /** Writes {@link #export} to a file the person chose (a full disk is said as DISK_FULL). */
    public void exportTo(Path file, boolean pem) {
        AtomicFiles.writeFile(file, export(pem).getBytes(StandardCharsets.US_ASCII), AtomicFiles::write);
    }

    /** The public key as a file's text: PEM (for openssl) or one line of Base64. */
    public String export(boolean pem) {
        return pem ? Ed25519Pem.encode(vault.device().publicKey()) : publicKeyBase64() + "\n";
    }
}
