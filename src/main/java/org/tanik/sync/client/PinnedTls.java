package org.tanik.sync.client;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;
import org.tanik.sync.TlsPin;

/**
 * TLS that trusts exactly one key: the intake's, pinned by the SHA-256 of its public key in the
 * organisation's signed invitation. The intake's certificate is self-signed, so no certificate
 * authority is consulted (OkHttp's CertificatePinner alone cannot do this: it runs after chain
 * validation, which a self-signed certificate fails). There is no "accept anyway": a key that is
 * not the pinned one ends the handshake before a byte of the request is sent.
 */
final class PinnedTls {

    private final String pin;
    private final TrustManager trustManager = new TrustManager();
    private final SSLContext context;

    PinnedTls(String pin) {
        this.pin = TlsPin.requireWellFormed(pin);
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {trustManager}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the platform has no TLS", e);
        }
    }

    SSLContext context() {
        return context;
    }

    X509ExtendedTrustManager trustManager() {
        return trustManager;
    }

    /**
     * The host name of the URL says nothing an attacker could not also put in a certificate; what
     * authenticates the intake is its key. So a host is accepted for a session exactly when the
     * session's peer key is the pinned one (checked again here, not assumed from the handshake).
     */
    HostnameVerifier hostnameVerifier() {
        return (host, session) -> {
            try {
                Certificate[] peer = session.getPeerCertificates();
                return peer.length > 0 && peer[0] instanceof X509Certificate leaf && TlsPin.matches(pin, leaf.getPublicKey());
            } catch (SSLPeerUnverifiedException e) {
                return false;
            }
        };
    }

    /** Thrown inside the handshake; the client finds it in the cause chain and says SYNC_PIN_MISMATCH. */
    static final class PinMismatch extends CertificateException {
        PinMismatch() {
            super("the intake's TLS key is not the pinned one");
        }
    }

    /**
     * Extended, so that the JDK uses it as it is instead of wrapping it in checks of its own (the
     * wrapper would add host-name and algorithm checks meant for CA-issued certificates).
     */
    private final class TrustManager extends X509ExtendedTrustManager {

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0 || !TlsPin.matches(pin, chain[0].getPublicKey())) {
                throw new PinMismatch();
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        /** The client never acts as a TLS server. */
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
