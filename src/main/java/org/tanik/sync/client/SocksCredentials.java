package org.tanik.sync.client;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.util.HexFormat;
import org.tanik.crypto.Random;

/**
 * What the JDK's SOCKS5 client answers when a proxy asks for a user name. It offers the proxy
 * user/password authentication, and Tor accepts it (to isolate streams); with nobody to ask, the JDK
 * would send the operating system's login name, often a person's name, to the proxy. Instead it
 * sends random credentials made once per run: nothing about the person, and Tor keeps this run's
 * connections on circuits of their own. The JDK asks only the process-wide default Authenticator,
 * so this is installed there, once, and hands every other question to the one it replaced.
 */
final class SocksCredentials extends Authenticator {

    private static boolean installed;
    private final String user = HexFormat.of().formatHex(Random.bytes(16));
    private final char[] password = HexFormat.of().formatHex(Random.bytes(16)).toCharArray();
    private final Authenticator previous;

    private SocksCredentials(Authenticator previous) {
        this.previous = previous;
    }

    static synchronized void install() {
        if (!installed) {
            Authenticator.setDefault(new SocksCredentials(Authenticator.getDefault()));
            installed = true;
        }
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        String protocol = getRequestingProtocol();
        if (protocol != null && protocol.startsWith("SOCKS")) {
            return new PasswordAuthentication(user, password.clone());
        }
        return previous == null ? null : previous.requestPasswordAuthenticationInstance(getRequestingHost(),
                getRequestingSite(), getRequestingPort(), protocol, getRequestingPrompt(), getRequestingScheme(),
                getRequestingURL(), getRequestorType());
    }
}
