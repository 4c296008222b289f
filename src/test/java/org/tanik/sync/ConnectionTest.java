package org.tanik.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;

class ConnectionTest {

    private static final String PIN = "sha256/" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    private final Optional<ProxyAddress> tor = Optional.of(ProxyAddress.parse("socks5://127.0.0.1:9050"));

    private static IntakeAddress intake(String url, Route route) {
        return new IntakeAddress(URI.create(url), PIN, new byte[32], route);
    }

    @Test
    void torOnlyWithoutAProxyIsRefusedNeverDirect() {
        assertThatThrownBy(() -> Connection.plan(intake("https://intake.example", Route.TOR_ONLY), Optional.empty(), false))
                .isInstanceOfSatisfying(TanikException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.SYNC_PROXY_REQUIRED));
        assertThat(Connection.plan(intake("https://intake.example", Route.TOR_ONLY), tor, false).proxy()).isEqualTo(tor);
    }

    @Test
    void theVolunteersProxyOnlyAndOnionAddressesAlsoForbidDirect() {
        assertThatThrownBy(() -> Connection.plan(intake("https://intake.example", Route.DIRECT_ALLOWED),
                Optional.empty(), true)).isInstanceOf(TanikException.class);
        assertThatThrownBy(() -> Connection.plan(intake("https://abc.onion", Route.DIRECT_ALLOWED),
                Optional.empty(), false)).isInstanceOf(TanikException.class);
        assertThat(Connection.plan(intake("https://intake.example", Route.DIRECT_ALLOWED), Optional.empty(), false)
                .direct()).isTrue();
    }

    @Test
    void proxiesAndPinsAreParsedStrictly() {
        assertThat(ProxyAddress.parse("socks5://127.0.0.1:9150").port()).isEqualTo(9150);
        for (String bad : new String[] {"127.0.0.1:9050", "http://127.0.0.1:9050", "socks5://127.0.0.1",
                "socks5://u:p@127.0.0.1:9050", "socks5://127.0.0.1:70000"}) {
            assertThatThrownBy(() -> ProxyAddress.parse(bad)).as(bad).isInstanceOf(TanikException.class);
        }
        assertThat(TlsPin.requireWellFormed(PIN)).isEqualTo(PIN);
        assertThatThrownBy(() -> TlsPin.requireWellFormed("sha1/AAAA")).isInstanceOf(TanikException.class);
        assertThatThrownBy(() -> TlsPin.requireWellFormed("sha256/AAAA")).isInstanceOf(TanikException.class);
    }
}
