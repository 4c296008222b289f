import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * {@code java UnsignJar.java IN OUT}: copies a jar without its signature (META-INF/*.SF and the
 * signature blocks) and without its manifest's per-entry sections (one digest per class), keeping the
 * main section (Multi-Release among others). Run by packaging/package.sh on Bouncy Castle's jars (issue 19).
 *
 * <p>Why that is safe: Tanik uses Bouncy Castle only through its lightweight API (org.bouncycastle.crypto:
 * Argon2, Ed25519, X25519, HKDF, ChaCha20-Poly1305) and bcpkix's certificate builder with the JDK's own
 * providers (TlsIdentity: JcaContentSignerBuilder and JcaX509CertificateConverter without setProvider).
 * It never registers BouncyCastleProvider with the JCE, the one use for which a provider's jar must be
 * signed (and only on Oracle's JDK). A class-path jar's signature proves nothing to the JVM either: no
 * signer is trusted, it is only checked against itself. The jars' integrity is Maven's checksum check
 * at download and the installer's own checksums.
 *
 * <p>Why: a signed jar's classes cannot go into the AOT cache (the JVM skips them), and opening it
 * verifies the signature and parses a manifest of 840 KB (bcprov) at every start.
 */
public final class UnsignJar {

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        try (ZipFile zip = new ZipFile(in.toFile());
             ZipOutputStream to = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry e = all.nextElement();
                String name = e.getName();
                if (isSignature(name)) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                to.putNextEntry(copy);
                try (InputStream from = zip.getInputStream(e)) {
                    if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        mainSectionOnly(from, to);
                    } else {
                        from.transferTo(to);
                    }
                }
                to.closeEntry();
            }
        }
    }

    private static boolean isSignature(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }

    private static void mainSectionOnly(InputStream from, OutputStream to) throws IOException {
        Manifest manifest = new Manifest(from);
        Manifest main = new Manifest();
        main.getMainAttributes().putAll(manifest.getMainAttributes());
        if (main.getMainAttributes().getValue(Attributes.Name.MANIFEST_VERSION) == null) {
            main.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        }
        main.write(to);
    }
}
