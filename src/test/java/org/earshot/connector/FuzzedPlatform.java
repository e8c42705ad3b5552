package org.earshot.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A platform's recorded stubs over real HTTP, except that every read (GET) answers with the payload a
 * property generated: a recorded page cut short, one with a value swapped for garbage, one grown to
 * hundreds of kilobytes, or plain garbage. Sign-ins and posts (POST) answer as recorded.
 */
public final class FuzzedPlatform implements AutoCloseable {
    private final WireMockServer server;
    private final List<String> recorded;
    private StubMapping reads;

    public FuzzedPlatform(String id) {
        server = new WireMockServer(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/" + id));
        server.start();
        try (Stream<Path> files = Files.list(Path.of("wiremock", id, "__files"))) {
            recorded = files.sorted().map(FuzzedPlatform::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Every read from now on gets this body, with status 200 and the content type given. */
    public void answerReadsWith(String body, String contentType) {
        if (reads != null) {
            server.removeStub(reads);
        }
        reads = server.stubFor(get(anyUrl()).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body)));
    }

    /** Payloads made from this platform's recorded ones, and garbage. */
    public Arbitrary<String> payloads() {
        Arbitrary<String> page = Arbitraries.of(recorded);
        Arbitrary<String> cut = Combinators.combine(page, Arbitraries.doubles().between(0, 1))
                .as((p, at) -> p.substring(0, (int) (p.length() * at)));
        Arbitrary<String> swapped = Combinators.combine(page, Arbitraries.doubles().between(0, 1), garbage())
                .as(FuzzedPlatform::swapAValue);
        Arbitrary<String> grown = Combinators.combine(page, Arbitraries.doubles().between(0, 1))
                .as((p, at) -> swapAValue(p, at, "my bag is lost ".repeat(20_000)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, cut), net.jqwik.api.Tuple.of(3, swapped), net.jqwik.api.Tuple.of(1, grown),
                net.jqwik.api.Tuple.of(2, garbage()), net.jqwik.api.Tuple.of(1, Arbitraries.of("", "null", "[]", "{}",
                        "\"text\"", "<html>", "<?xml version=\"1.0\"?><rss>", "{\"data\":null}", "{\"errors\":[]}")));
    }

    /** Any characters, JSON's and XML's punctuation more often than most. */
    public static Arbitrary<String> garbage() {
        return Arbitraries.strings().withChars("{}[]\":,<>/&;=?#\\ \n0123456789abcxyz-_.")
                .withCharRange('\u0000', '\uFFFF').ofMaxLength(400);
    }

    /** The value after the {@code at}-th part of the page's colons or angle brackets replaced by {@code value}. */
    public static String swapAValue(String page, double at, String value) {
        int from = (int) (page.length() * at);
        int colon = page.indexOf(':', from);
        if (colon < 0) {
            colon = page.indexOf('>', from);
        }
        if (colon < 0) {
            return page + value;
        }
        int end = colon + 1;
        while (end < page.length() && ",}]<\n".indexOf(page.charAt(end)) < 0) {
            end++;
        }
        return page.substring(0, colon + 1) + value + page.substring(end);
    }

    /**
     * Polls once: the poll must end with a result or a {@link ConnectorException} that says what went
     * wrong; any other exception escaping fails the property.
     */
    public static PollResult pollSurvives(MentionSource source) {
        try {
            PollResult result = source.poll(null);
            assertThat(result.mentions()).allSatisfy(m -> {
                assertThat(m.externalId()).isNotBlank();
                assertThat(m.text()).isNotNull();
            });
            return result;
        } catch (ConnectorException e) {
            assertThat(e.getMessage()).as("the error a failed poll records").isNotBlank();
            return null;
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
