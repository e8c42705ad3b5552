package org.earshot.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Answers recorded from the platforms' real APIs (../shared/data/payloads/&lt;platform&gt;), served by
 * WireMock to the real connectors; a test that needs one is skipped, saying so, where the set is absent.
 */
public final class RecordedPayloads {
    private RecordedPayloads() {
    }

    /** The recorded answer {@code name} of {@code platform}'s folder. */
    public static String read(String platform, String name) throws IOException {
        Path file = Path.of("../shared/data/payloads", platform, name);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "skipped: " + file.toAbsolutePath().normalize() + " is absent (the shared real-data payloads)");
        return Files.readString(file);
    }

    /** Makes {@code server} answer GETs of {@code path} with {@code body} as JSON, ahead of its own stubs. */
    public static void serve(WireMockExtension server, String path, String body) {
        server.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}
