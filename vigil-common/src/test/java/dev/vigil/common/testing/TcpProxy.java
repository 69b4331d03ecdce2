package dev.vigil.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a fixed local port whose link can be cut and restored, to put a real
 * server (Kafka, PostgreSQL) out of reach of the code under test and bring it back.
 */
public final class TcpProxy implements AutoCloseable {

    private final int port;

    private final int targetPort;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private volatile ServerSocket server;

    public TcpProxy(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    /** A port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public int port() {
        return this.port;
    }

    /** Starts (or restores) forwarding. */
    public synchronized TcpProxy up() throws IOException {
        if (this.server == null) {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port));
            this.server = socket;
            Thread.ofVirtual().start(() -> accept(socket));
        }
        return this;
    }

    /** Refuses new connections and drops every open one, like a failed broker. */
    public synchronized void down() throws IOException {
        if (this.server != null) {
            this.server.close();
            this.server = null;
        }
        for (Socket socket : this.open) {
            socket.close();
        }
        this.open.clear();
    }

    @Override
    public void close() throws IOException {
        down();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
                this.open.add(client);
                this.open.add(target);
                Thread.ofVirtual().start(() -> pump(client, target));
                Thread.ofVirtual().start(() -> pump(target, client));
            }
            catch (IOException ex) {
                // closed by down(), or the target refused: the client sees its connection drop
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        }
        catch (IOException ex) {
            // one side went away
        }
        finally {
            try {
                from.close();
                to.close();
            }
            catch (IOException ex) {
                // already closed
            }
            this.open.remove(from);
            this.open.remove(to);
        }
    }
}
