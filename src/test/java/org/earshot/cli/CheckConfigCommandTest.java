package org.earshot.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.earshot.Earshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code earshot check-config}: every problem the daemon would refuse, listed at once, and the online checks. */
class CheckConfigCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private WireMockServer platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    private int run(String... args) {
        CommandLine cli = Earshot.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("earshot.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theShippedExamplesAreFineAndSummarised() {
        for (String example : new String[] {"config/earshot.yaml", "config/demo.yaml"}) {
            int code = run("check-config", example);
            assertThat(code).as(err.toString()).isZero();
        }
        assertThat(out.toString()).contains("config/earshot.yaml is fine.")
                .contains("connectors  none enabled (disabled: mastodon, x, reddit, bluesky, news, support-mail)")
                .contains("alerts      2 routes: [urgent, team]")
                .contains("config/demo.yaml is fine.");
    }

    @Test
    void everyProblemInABrokenFileIsListedTogetherWithFileKeyAndReason() throws Exception {
        Path file = write("""
                storage:
                  jdbcUrl: "mysql://db"
                web:
                  port: 99999
                  apiToken: ${GLOBEX_API_TOKEN}
                brands:
                  - id: Acme Air
                  - id: globex
                    keywords: [globex]
                    handels: ["@globex"]
                connectors:
                  social:
                    type: mastodon
                    brand: globex
                    schedule: often
                  sky:
                    type: bluesky
                    brand: globex
                    identifier: globex.bsky.social
                    appPassword: abcd-efgh-ijkl-mnop
                    langauge: en
                  pigeon:
                    type: carrier-pigeon
                    brand: globex
                serviceLevels:
                  fax:
                    firstResponse: 1h
                  social:
                    firstResponse: 2h
                    resolution: 1h
                reply:
                  policyFile: %s
                """.formatted(Path.of("config/policy.yaml").toAbsolutePath()));

        int code = run("check-config", file.toString());

        assertThat(code).isEqualTo(2);
        String listed = err.toString();
        assertThat(listed).contains(
                file + ": web.apiToken needs the environment variable GLOBEX_API_TOKEN, which is not set",
                file + ": storage.jdbcUrl must be a PostgreSQL URL",
                file + ": web.port must be between 0 and 65535, but was 99999",
                file + ": brands[0].id must be lower-case letters, digits, '-' or '_', but was 'Acme Air'",
                file + ": brands[1].handels is not a setting; did you mean handles?",
                file + ": connectors.social.schedule must be a duration like 30s, 5m or 12h, but was 'often'",
                file + ": connectors.pigeon.type must be one of [bluesky, feed, imap, mastodon, reddit, x], but was 'carrier-pigeon'",
                file + ": connectors.sky.langauge is not a setting; did you mean language?",
                file + ": serviceLevels.fax is not a channel",
                file + ": serviceLevels.social.resolution must not be shorter than firstResponse (2h), but was 1h",
                "10 problems in " + file + ": the daemon would not start with it.");
        // A broken section is not also reported as unknown keys under it.
        assertThat(listed).doesNotContain("brands[0].keywords").doesNotContain("connectors.social.baseUrl is required");
    }

    @Test
    void aFileThatIsNotYamlIsOneProblem() throws Exception {
        Path file = write("brands: [\n");
        assertThat(run("check-config", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(file + ": is not valid YAML").contains("1 problem in");
    }

    @Test
    void onlineTriesEachConnectorsCredentialsAndEachWebhookWithoutPosting() throws Exception {
        platform = new WireMockServer(options().dynamicPort());
        platform.start();
        platform.stubFor(get(urlPathEqualTo("/api/v1/notifications")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"The access token is invalid\"}")));
        platform.stubFor(get(urlPathMatching("/api/v1/timelines/tag/.*")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"The access token is invalid\"}")));
        platform.stubFor(post(urlPathEqualTo("/services/T1/B1/good")).willReturn(aResponse().withStatus(400)
                .withBody("no_text")));
        platform.stubFor(post(urlPathEqualTo("/services/T1/B1/gone")).willReturn(aResponse().withStatus(404)
                .withBody("no_service")));
        String base = "http://127.0.0.1:" + platform.port();
        Path file = write("""
                storage:
                  jdbcUrl: "jdbc:h2:mem:check-online"
                brands:
                  - id: acme
                    keywords: ["acme air"]
                connectors:
                  social:
                    type: mastodon
                    baseUrl: %1$s
                    accessToken: revoked-token
                    maxAttempts: 1
                alerts:
                  routes:
                    - name: urgent
                      webhookUrl: %1$s/services/T1/B1/good
                    - name: team
                      webhookUrl: %1$s/services/T1/B1/gone
                """.formatted(base));

        int code = run("check-config", "--online", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).contains("is fine.").contains("ok      alert route urgent: webhook answers");
        assertThat(err.toString()).contains("FAILED  connector social (mastodon): refused:")
                .contains("FAILED  alert route team: Slack answered HTTP 404 no_service")
                .contains("2 of 3 online checks failed.")
                .doesNotContain("revoked-token").doesNotContain("/services/T1/B1/");
        platform.verify(postRequestedFor(urlPathEqualTo("/services/T1/B1/good"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{}")));
    }
}
