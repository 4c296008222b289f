package org.tanik.sync;

import java.util.Optional;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

/**
 * The one place that decides how a connection to the intake is made, so the route shown to the
 * volunteer before sending is the route taken. Never a direct attempt when the organisation says
 * {@link Route#TOR_ONLY}, when the volunteer chose "only through the proxy", or for a .onion address.
 *
 * @param proxy the proxy to use; empty means a direct connection
 */
public record Connection(Optional<ProxyAddress> proxy) {

    /**
     * @param configured the proxy from the settings or from {@code --proxy}, if any
     * @param proxyOnly  the volunteer's "never connect except through the proxy"
     */
    public static Connection plan(IntakeAddress intake, Optional<ProxyAddress> configured, boolean proxyOnly) {
        boolean mustProxy = proxyOnly || intake.route() == Route.TOR_ONLY || intake.onion();
        if (configured.isEmpty() && mustProxy) {
            throw new TanikException(Problem.SYNC_PROXY_REQUIRED);
        }
        return new Connection(configured);
    }

    /**
     * The same rule for a proxy as the settings and {@code --proxy} hold it: {@code socks5://HOST:PORT},
     * or blank (or null) for none.
     */
    public static Connection plan(IntakeAddress intake, String proxy, boolean proxyOnly) {
        return plan(intake, proxy == null || proxy.isBlank() ? Optional.empty() : Optional.of(ProxyAddress.parse(proxy)),
                proxyOnly);
    }

    public boolean direct() {
        return proxy.isEmpty();
    }
}
