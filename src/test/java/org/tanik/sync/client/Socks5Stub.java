package org.tanik.sync.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A SOCKS5 proxy in the test (RFC 1928, CONNECT without authentication) that records what it was
 * asked to connect to, then relays to the address the test mapped that name to. A name it does not
 * know is answered "host unreachable" (reply 4), as Tor does for an onion it cannot reach.
 */
final class Socks5Stub implements AutoCloseable {

    /** What one CONNECT asked for: the address type (1 IPv4, 3 domain name, 4 IPv6) and the host as sent. */
    record Asked(int addressType, String host, int port) {
    }

    final List<Asked> asked = new CopyOnWriteArrayList<>();
    /** The user names clients gave when the stub asked for user/password authentication. */
    final List<String> users = new CopyOnWriteArrayList<>();
    private final Map<String, InetSocketAddress> routes;
    private final ServerSocket server;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    Socks5Stub(Map<String, InetSocketAddress> routes) throws IOException {
        this.routes = routes;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "socks5-stub");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "socks5-stub-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            if (in.readUnsignedByte() != 5) {
                client.close();
                return;
            }
            byte[] methods = new byte[in.readUnsignedByte()];
            in.readFully(methods);
            boolean userPassword = false;
            for (byte m : methods) {
                userPassword |= m == 2;
            }
            // As Tor does: user/password when offered (RFC 1929), and what the client sent is recorded.
            out.write(new byte[] {5, (byte) (userPassword ? 2 : 0)});
            out.flush();
            if (userPassword) {
                in.readUnsignedByte();
                byte[] name = new byte[in.readUnsignedByte()];
                in.readFully(name);
                in.readFully(new byte[in.readUnsignedByte()]);
                users.add(new String(name, StandardCharsets.UTF_8));
                out.write(new byte[] {1, 0});
                out.flush();
            }
            int version = in.readUnsignedByte();
            int command = in.readUnsignedByte();
            in.readUnsignedByte();
            int type = in.readUnsignedByte();
            String host;
            if (type == 3) {
                byte[] name = new byte[in.readUnsignedByte()];
                in.readFully(name);
                host = new String(name, StandardCharsets.US_ASCII);
            } else {
                byte[] address = new byte[type == 1 ? 4 : 16];
                in.readFully(address);
                host = InetAddress.getByAddress(address).getHostAddress();
            }
            int port = in.readUnsignedShort();
            asked.add(new Asked(type, host, port));
            InetSocketAddress target = routes.get(host);
            if (version != 5 || command != 1 || target == null) {
                out.write(new byte[] {5, 4, 0, 1, 0, 0, 0, 0, 0, 0});
                out.flush();
                client.close();
                return;
            }
            Socket upstream = new Socket(target.getAddress(), target.getPort());
            open.add(upstream);
            out.write(new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
            out.flush();
            Thread back = new Thread(() -> relay(upstream, client), "socks5-stub-relay");
            back.setDaemon(true);
            back.start();
            relay(client, upstream);
        } catch (IOException e) {
            close(client);
        }
    }

    private static void relay(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close both below
        }
        close(from);
        close(to);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(Socks5Stub::close);
    }
}
