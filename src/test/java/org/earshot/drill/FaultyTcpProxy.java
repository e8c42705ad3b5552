package org.earshot.drill;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * A loopback TCP proxy in front of a mail server's port, for the chaos drill on mail: while on, a share
 * of the connections is refused the way a busy mail server refuses them (SMTP {@code 421}, IMAP
 * {@code * BYE}: mail's 429 and 500), reset at once, answered five seconds late, or cut off at a random
 * moment mid-session (during a SMTP DATA, say); the rest are passed through. The faults served are counted.
 */
final class FaultyTcpProxy implements AutoCloseable {
    private final ServerSocket listening;
    private final int upstreamPort;
    private final String busyGreeting;
    private final RandomGenerator random;
    private final double share;
    private volatile boolean on;
    final Map<String, AtomicLong> served = new ConcurrentHashMap<>();

    /** @param busyGreeting what the protocol says to refuse a connection for now ({@code 421 …} or {@code * BYE …}) */
    FaultyTcpProxy(int upstreamPort, String busyGreeting, RandomGenerator random, double share) throws IOException {
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.busyGreeting = busyGreeting;
        this.random = random;
        this.share = share;
        Thread accepting = new Thread(this::accept, "faulty-proxy-" + upstreamPort);
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return listening.getLocalPort();
    }

    void on(boolean on) {
        this.on = on;
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Thread t = new Thread(() -> serve(client), "faulty-proxy-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        double roll;
        long cutAfter;
        synchronized (random) {
            roll = random.nextDouble();
            cutAfter = 200 + random.nextInt(3_000);
        }
        int fault = on && roll < share ? (int) (roll / share * 4) : -1;
        if (fault >= 0) {
            served.computeIfAbsent(List.of("busy", "reset", "5 s late", "cut mid-session").get(fault),
                    f -> new AtomicLong()).incrementAndGet();
        }
        try (client) {
            if (fault == 0) {
                client.getOutputStream().write((busyGreeting + "\r\n").getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                return;
            }
            if (fault == 1) {
                client.setSoLinger(true, 0);
                return;
            }
            if (fault == 2) {
                Thread.sleep(5_000);
            }
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
                Thread back = pipe(upstream.getInputStream(), client.getOutputStream());
                Thread forth = pipe(client.getInputStream(), upstream.getOutputStream());
                if (fault == 3) {
                    forth.join(cutAfter);
                    client.setSoLinger(true, 0);
                    upstream.setSoLinger(true, 0);
                } else {
                    forth.join();
                    // The client is done: the server hears so, closes, and the way back ends too.
                    upstream.shutdownOutput();
                    back.join(5_000);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the connection ends, as a faulty network ends it
        }
    }

    private static Thread pipe(InputStream from, OutputStream to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = from.read(buffer)) >= 0; ) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException closed) {
                // one side closed
            }
        }, "faulty-proxy-pipe");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() throws IOException {
        listening.close();
    }
}
