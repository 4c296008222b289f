package org.tanik.intake;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.tanik.crypto.Ed25519;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.sync.Keys;

/**
 * A running intake: Jetty on TLS with the data folder's self-signed key, the index, and a sweeper
 * that deletes expired uploads and acknowledged bundles past retention. {@code intake serve} runs
 * one until SIGTERM; tests and the benchmark start one in-process with {@link #start(Path, Options)}.
 */
public final class IntakeServer implements AutoCloseable {

    /**
     * How to run an intake beyond its intake.json.
     *
     * @param listen         overrides intake.json's address (tests use "127.0.0.1:0", any free port)
     * @param clock          the intake's time (tests move it to expire uploads and replay old requests)
     * @param log            where request lines go (standard error for {@code intake serve})
     * @param sweepEvery     how often the sweeper runs
     * @param unsignedUploads TEST ONLY: accept tus requests without a signature, as one approved
     *                       pseudo-device, so that tus clients that cannot sign (tuspy, tus-js-client)
     *                       can show interoperability. Neither intake.json nor the command line can set it.
     */
    public record Options(String listen, Clock clock, PrintStream log, Duration sweepEvery, boolean unsignedUploads) {

        public static Options defaults() {
            return new Options(null, Clock.systemUTC(), System.err, Duration.ofMinutes(1), false);
        }

        public Options listen(String address) {
            return new Options(address, clock, log, sweepEvery, unsignedUploads);
        }

        public Options clock(Clock c) {
            return new Options(listen, c, log, sweepEvery, unsignedUploads);
        }

        public Options log(PrintStream out) {
            return new Options(listen, clock, out, sweepEvery, unsignedUploads);
        }

        public Options sweepEvery(Duration every) {
            return new Options(listen, clock, log, every, unsignedUploads);
        }

        /** TEST ONLY: see {@link Options}. */
        public Options acceptUnsignedUploadsForTests() {
            return new Options(listen, clock, log, sweepEvery, true);
        }
    }

    static {
        // Jetty's own log (jetty-slf4j-impl): warnings only. Request lines are the intake's own
        // (RequestLine): no body, and no address unless intake.json says logIpAddresses. Set before
        // any Jetty class makes its logger; an operator's -D setting wins.
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
        }
    }

    /** Slower than this, a request body is not an upload but an attempt to hold a thread (Tor manages far more). */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 512;
    /** Open connections at once: the default 64 uploads in flight plus room for HEADs, lists and fetches. */
    static final int MAX_CONNECTIONS = 256;

    private final Server server;
    private final IntakeIndex index;
    private final Uploads uploads;
    private final ScheduledExecutorService sweeper;
    private final String host;
    private final String tlsPin;
    private final String intakeKey;

    private IntakeServer(Path data, Options options) throws Exception {
        IntakeFolder folder = new IntakeFolder(data);
        IntakeConfig config = folder.config();
        ListenAddress listen = ListenAddress.parse(options.listen() != null ? options.listen() : config.listen());
        char[] password = folder.tlsPassword();
        byte[] receiptKey = folder.receiptKey();
        IntakeIndex opened = null;
        try {
            KeyStore tls = folder.tlsKeyStore(password);
            this.tlsPin = TlsIdentity.pin(tls);
            this.intakeKey = Keys.text(Ed25519.publicKey(receiptKey));
            opened = new H2IntakeIndex(folder.dir());
            this.index = opened;
            byte[] organisation = config.organisationKey() == null ? null : Keys.parse(config.organisationKey());
            this.uploads = new Uploads(folder, index, config, options.clock(), receiptKey);
            IntakeHandler handler = new IntakeHandler(uploads, index, new Authenticator(index, options.clock(), organisation),
                    config, options.clock(), options.unsignedUploads());

            QueuedThreadPool threads = new QueuedThreadPool(200, 8);
            threads.setName("intake");
            server = new Server(threads);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(tls);
            ssl.setKeyStorePassword(new String(password));
            ssl.setSniRequired(false);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            // A client that trickles bytes to hold a thread (slowloris) is cut; a real upload resumes (tus).
            http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
            // Clients reach the intake by IP, by a name or by an onion address: the pin, not the name, is what they check.
            http.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
            ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(http));
            connector.setHost(listen.host());
            connector.setPort(listen.port());
            connector.setIdleTimeout(Duration.ofSeconds(60).toMillis());
            server.addConnector(connector);
            // Connections beyond this wait in the kernel's backlog instead of taking threads and memory.
            server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
            server.setHandler(handler);
            server.setRequestLog(new RequestLine(options.log(), config.logIpAddresses()));
            server.setStopTimeout(5000);
            server.start();
            this.host = listen.host();
        } catch (Exception | Error e) {
            if (opened != null) {
                opened.close();
            }
            throw e;
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(receiptKey, (byte) 0);
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "intake-sweeper");
            t.setDaemon(true);
            return t;
        });
        long every = options.sweepEvery().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    public static IntakeServer start(Path data) {
        return start(data, Options.defaults());
    }

    public static IntakeServer start(Path data, Options options) {
        try {
            return new IntakeServer(data, options);
        } catch (TanikException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new TanikException(Problem.IO_FAILURE, e, "listen: " + e.getMessage());
        } catch (Exception e) {
            throw new TanikException(Problem.IO_FAILURE, e, data.toString());
        }
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** {@code https://HOST:PORT}, the address it listens on. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "https://" + h + ":" + port();
    }

    public String tlsPin() {
        return tlsPin;
    }

    public String intakeKey() {
        return intakeKey;
    }

    /** Runs the sweeper now (tests; the schedule runs it every {@link Options#sweepEvery}). */
    public void sweep() {
        uploads.sweep();
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // the next run tries again; a sweeper that stopped would keep expired files for ever
        }
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops accepting, lets requests in progress end (5 s at most), then closes the index. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway: the index must still close
        } finally {
            uploads.close();
            index.close();
        }
    }

    /** One line per request: never a body; an address and key only when the operator asked for it. */
    private record RequestLine(PrintStream out, boolean withAddress) implements org.eclipse.jetty.server.RequestLog {
        @Override
        public void log(Request request, Response response) {
            StringBuilder line = new StringBuilder("intake: ").append(request.getMethod()).append(' ')
                    .append(request.getHttpURI().getPath()).append(' ').append(response.getStatus())
                    .append(" in=").append(Request.getContentBytesRead(request))
                    .append(" out=").append(Response.getContentBytesWritten(response));
            if (withAddress) {
                Object key = request.getAttribute(IntakeHandler.CALLER_ATTRIBUTE);
                line.append(" from=").append(Request.getRemoteAddr(request)).append(" key=").append(key == null ? "-" : key);
            }
            out.println(line);
        }
    }
}
