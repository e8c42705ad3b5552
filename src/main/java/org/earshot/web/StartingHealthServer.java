package org.earshot.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * The web port's answers while the start waits for its database (an H2 file another process holds):
 * {@code /health/ready} (and {@code /health}) 503 with a {@code database} check DOWN saying why,
 * {@code /health/live} 200, anything else 503. It listens from the first wait only, so a start that
 * does not wait never binds the port twice; {@link #close()} frees the port for the real web server.
 * A port it cannot take is left alone: the real server's start reports that in its own words.
 */
public final class StartingHealthServer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StartingHealthServer.class);
    private final String host;
    private final int port;
    private volatile String waitingFor = "";
    private HttpServer server;
    private boolean tried;

    public StartingHealthServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** What the start waits for now; the first call starts listening. */
    public synchronized void waitingFor(String reason) {
        waitingFor = reason;
        if (tried) {
            return;
        }
        tried = true;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            LOG.debug("cannot answer /health on {}:{} while the start waits: {}", host, port, e.getMessage());
            return;
        }
        OperationsEndpoints ops = new OperationsEndpoints(() -> List.of(new ReadinessCheck("database",
                ReadinessCheck.Status.DOWN, waitingFor)), () -> "");
        server.createContext("/health", ops.health());
        server.createContext("/", exchange -> {
            try (exchange) {
                JsonExchange.send(exchange, 503, Map.of("error", "Earshot is starting: " + waitingFor));
            }
        });
        server.start();
    }

    /** Whether it is answering on the port (it waited, and the port was free). */
    public synchronized boolean listening() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
