package org.earshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.earshot.demo.DemoEnvironment;
import org.earshot.store.HoldH2File;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that waits for its H2 file (another process holds it) answers on its web port meanwhile:
 * {@code /health/ready} 503 with the database DOWN and why, {@code /health/live} 200; once the file
 * is free the start goes on and the real server answers on the same port with the database UP.
 */
class HealthWhileTheDatabaseIsAwaitedTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void healthSaysTheDatabaseIsDownAndWhyWhileTheStartWaitsForTheFile() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (DemoEnvironment demo = DemoEnvironment.start(Path.of("config/demo.yaml"), Path.of("wiremock"),
                dir.resolve("data"), false, port)) {
            // The demo's user (sa), so that the file the holder makes is one the start can open once free.
            Process holder = hold("jdbc:h2:file:" + dir.resolve("data").resolve("earshot").toAbsolutePath() + ";USER=sa");
            Wiring wiring = null;
            try {
                CompletableFuture<Wiring> starting = CompletableFuture.supplyAsync(() -> new Wiring(demo.config(),
                        Wiring.CONNECTOR_FACTORIES, Clock.systemUTC(), Wiring.Timings.DEFAULT));
                HttpResponse<String> ready = awaitAnswer(port, "/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("\"status\":\"DOWN\"").contains("\"name\":\"database\"")
                        .contains("is in use by another process").contains("waiting for it to be released");
                assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
                assertThat(get(port, "/api/tasks").statusCode()).as("nothing else is served yet").isEqualTo(503);
                assertThat(starting).as("still waiting while the other process holds the file").isNotDone();

                holder.destroyForcibly().waitFor();
                wiring = starting.get(2, TimeUnit.MINUTES);
                wiring.startWeb();
                HttpResponse<String> after = get(port, "/health/ready");
                assertThat(after.body()).contains("{\"name\":\"database\",\"status\":\"UP\",\"detail\":\"H2\"}");
            } finally {
                holder.destroyForcibly().waitFor();
                if (wiring != null) {
                    wiring.close();
                }
            }
        }
    }

    /** The first answer on the port (the start binds it at its first wait for the file). */
    private HttpResponse<String> awaitAnswer(int port, String path) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                return get(port, path);
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > giveUp) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Process hold(String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldH2File.class.getName(), url)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("held");
        return p;
    }
}
