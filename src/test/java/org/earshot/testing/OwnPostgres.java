package org.earshot.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own (its own data folder and port, as {@code .ci/postgres} makes
 * one), so that a test can stop and start it without touching the server other tests share. Debian's
 * binaries under {@code /usr/lib/postgresql/N/bin}; as root the server runs as {@code postgres}.
 * Without the binaries the test is skipped.
 */
public final class OwnPostgres implements AutoCloseable {
    private final Path bin;
    private final Path data;
    private final int port;

    private OwnPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** initdb in a new folder, started on a free port, with a database {@code earshot}. */
    public static OwnPostgres start() throws IOException, InterruptedException {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        } catch (IOException e) {
            bin = null;
        }
        Assumptions.assumeTrue(bin != null, "skipped: no PostgreSQL binaries under /usr/lib/postgresql"
                + " (apt-get install postgresql)");
        Path data = Files.createTempDirectory("earshot-own-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        OwnPostgres pg = new OwnPostgres(bin, data, port);
        if (root()) {
            pg.run(List.of("chown", "postgres", data.toString()));
        }
        pg.asPostgres("initdb", "-D", data.toString(), "-U", "earshot", "--auth=trust", "-E", "UTF8");
        pg.startServer();
        pg.asPostgres("createdb", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "earshot", "earshot");
        return pg;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/earshot?user=earshot";
    }

    /** {@code pg_ctl start}, waiting until it takes connections. */
    public void startServer() throws IOException, InterruptedException {
        asPostgres("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-o",
                "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100",
                "start");
    }

    /** {@code pg_ctl stop -m fast}: what a restart of the server does to the connections open on it. */
    public void stopServer() throws IOException, InterruptedException {
        asPostgres("pg_ctl", "-D", data.toString(), "-w", "-m", "fast", "stop");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asPostgres("pg_ctl", "-D", data.toString(), "-w", "-m", "immediate", "stop");
        } catch (IOException alreadyStopped) {
            // nothing to stop
        }
        run(List.of("rm", "-rf", data.toString()));
    }

    private void asPostgres(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (root()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("earshot-own-pg", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }
}
