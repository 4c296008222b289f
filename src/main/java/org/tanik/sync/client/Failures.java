package org.tanik.sync.client;

import java.io.IOException;
import java.util.Optional;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.sync.Connection;
import org.tanik.sync.ProxyAddress;
import org.tanik.sync.Refusal;

/**
 * Turns what went wrong on the wire into a Problem the volunteer can act on. Only codes, statuses
 * and the proxy's address go into a problem: never a response body, a key or file content.
 */
final class Failures {

    private Failures() {
    }

    /** A refusal: the {@code Tanik-Refusal} code when the intake gave one, else the HTTP status. */
    static TanikException refused(int status, String code) {
        Optional<Refusal> refusal = Refusal.ofCode(code == null ? "" : code.trim());
        if (refusal.isPresent()) {
            return switch (refusal.get()) {
                case UNKNOWN_DEVICE -> new TanikException(Problem.SYNC_UNKNOWN_DEVICE);
                case REVOKED_DEVICE -> new TanikException(Problem.SYNC_DEVICE_REVOKED);
                case STALE_TIME -> new TanikException(Problem.SYNC_CLOCK);
                case TOO_LARGE -> new TanikException(Problem.SYNC_TOO_LARGE);
                case QUOTA_EXCEEDED -> new TanikException(Problem.SYNC_QUOTA);
                case BUSY -> new TanikException(Problem.SYNC_BUSY);
                case NOT_ORGANISATION -> new TanikException(Problem.SYNC_NOT_ORGANISATION);
                case INVITATION_REFUSED -> new TanikException(Problem.SYNC_INVITATION_REFUSED);
                // The rest are for the coordinator or the intake's operator to read: the code names them.
                default -> new TanikException(Problem.SYNC_REFUSED, refusal.get().code());
            };
        }
        // Another server or a proxy in between answered, or an older intake: the status is all there is.
        return switch (status) {
            case 413 -> new TanikException(Problem.SYNC_TOO_LARGE);
            case 429 -> new TanikException(Problem.SYNC_QUOTA);
            case 503 -> new TanikException(Problem.SYNC_BUSY);
            default -> new TanikException(Problem.SYNC_REFUSED, "http-" + status);
        };
    }

    /**
     * A request that got no answer.
     *
     * @param tunnelUp whether this call reached TLS (through the proxy, if any) or reused such a
     *                 connection. Before that, through a proxy, a failure is the proxy's: either it
     *                 did not answer, or it answered and reported that the intake cannot be reached,
     *                 which the JDK's SOCKS client always words with "SOCKS".
     */
    static TanikException unreachable(IOException e, Connection connection, boolean tunnelUp) {
        if (pinMismatch(e)) {
            return new TanikException(Problem.SYNC_PIN_MISMATCH);
        }
        if (connection.proxy().isPresent() && !tunnelUp && !mentions(e, "SOCKS")) {
            ProxyAddress proxy = connection.proxy().get();
            return new TanikException(Problem.SYNC_PROXY_UNREACHABLE, e, proxy.hostAndPort());
        }
        return new TanikException(Problem.SYNC_UNREACHABLE, e);
    }

    static boolean pinMismatch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PinnedTls.PinMismatch) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (pinMismatch(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mentions(Throwable e, String word) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(word)) {
                return true;
            }
        }
        return false;
    }
}
