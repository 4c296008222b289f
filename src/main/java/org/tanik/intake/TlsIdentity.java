package org.tanik.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.tanik.sync.TlsPin;

/**
 * The intake's TLS key and self-signed certificate (ECDSA P-256, ten years) in a PKCS12 file. Clients
 * trust it by the pin of its public key, delivered in the signed invitation, never by a CA. The
 * names in the certificate (localhost, 127.0.0.1, the listen host) only matter to other clients
 * given the certificate as a CA file, such as the interoperability tests' tus clients.
 */
final class TlsIdentity {

    static final String ALIAS = "intake";

    private TlsIdentity() {
    }

    /** A new key and certificate, as PKCS12 bytes under {@code password}. */
    static byte[] generate(String listenHost, char[] password) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = gen.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=Tanik intake");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(127, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3653))), name, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, names(listenHost));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password, new java.security.cert.Certificate[]{cert});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("could not create the intake's TLS certificate", e);
        }
    }

    private static GeneralNames names(String listenHost) {
        java.util.List<GeneralName> names = new java.util.ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        if (listenHost.matches("[0-9.]+|.*:.*")) {
            if (!listenHost.equals("127.0.0.1") && !listenHost.equals("::1") && !listenHost.equals("0.0.0.0")
                    && !listenHost.equals("::")) {
                names.add(new GeneralName(GeneralName.iPAddress, listenHost));
            }
        } else if (!listenHost.equals("localhost")) {
            names.add(new GeneralName(GeneralName.dNSName, listenHost));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    static KeyStore load(byte[] pkcs12, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the intake's TLS key store does not open", e);
        }
    }

    static X509Certificate certificate(KeyStore store) {
        try {
            return (X509Certificate) store.getCertificate(ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pin(KeyStore store) {
        return TlsPin.of(certificate(store).getPublicKey());
    }

    /** The certificate alone, PEM: public, for clients that take a CA file. */
    static byte[] pem(X509Certificate cert) {
        try {
            String b64 = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(cert.getEncoded());
            return ("-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
