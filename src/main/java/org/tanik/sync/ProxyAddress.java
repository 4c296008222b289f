package org.tanik.sync;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * A SOCKS5 proxy such as Tor (127.0.0.1:9050) or Tor Browser (127.0.0.1:9150), written
 * {@code socks5://HOST:PORT}. Host names of the intake are always handed to the proxy to resolve,
 * so a {@code .onion} address works and no DNS query leaves the laptop.
 */
public record ProxyAddress(String host, int port) {

    public ProxyAddress {
        if (host == null || host.isBlank() || port < 1 || port > 65535) {
            throw invalid();
        }
    }

    public static ProxyAddress parse(String text) {
        try {
            URI uri = new URI(text == null ? "" : text.trim());
            if (uri.getScheme() == null || !"socks5".equals(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null || uri.getPort() < 0 || uri.getUserInfo() != null
                    || !(uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath()))) {
                throw invalid();
            }
            return new ProxyAddress(uri.getHost(), uri.getPort());
        } catch (URISyntaxException e) {
            throw invalid();
        }
    }

    @Override
    public String toString() {
        return "socks5://" + host + ":" + port;
    }

    /** What the volunteer reads: "127.0.0.1:9050". */
    public String hostAndPort() {
        return host + ":" + port;
    }

    private static TanikException invalid() {
        return new TanikException(Problem.INVALID_PROXY);
    }
}
