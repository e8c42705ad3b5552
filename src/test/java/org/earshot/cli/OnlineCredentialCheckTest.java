package org.earshot.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.earshot.Earshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code check-config --online} asks each platform who the credentials are, with the platform's own
 * call, against the stubs in {@code wiremock/} (shaped like the real answers) and a real GreenMail:
 * each connector is OK (naming the account), refused (the platform's status and words) or unreachable.
 */
class OnlineCredentialCheckTest {
    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}).withPerMethodLifecycle(true);

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

    @Test
    void mastodonVerifyCredentialsNamesTheAccount() throws Exception {
        String base = serve("mastodon");
        int code = check(connector("mastodon", "baseUrl: " + base, "accessToken: demo-token"));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ok      connector social (mastodon): OK: @acmeair@127.0.0.1");
        platform.verify(getRequestedFor(urlPathEqualTo("/api/v1/accounts/verify_credentials")));
        platform.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/notifications")));
    }

    @Test
    void mastodonRefusingARevokedTokenSaysStatusAndMastodonsWords() throws Exception {
        String base = serve("mastodon");
        int code = check(connector("mastodon", "baseUrl: " + base, "accessToken: revoked-demo-token"));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("FAILED  connector social (mastodon): refused: Mastodon rejected the"
                + " access token (401)").contains("Mastodon said: The access token was revoked")
                .doesNotContain("revoked-demo-token");
    }

    @Test
    void aPlatformThatCannotBeReachedIsUnreachableNotRefused() throws Exception {
        int code = check(connector("mastodon", "baseUrl: http://127.0.0.1:" + closedPort(), "accessToken: t"));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("FAILED  connector social (mastodon): unreachable:");
    }

    @Test
    void xV2ChecksTheBearerTokenAndTheUserTokenIsTheBrandAccount() throws Exception {
        String base = serve("x");
        int code = check(connector("x", "baseUrl: " + base, "bearerToken: demo-bearer",
                "userAccessToken: demo-user-token", "brandAccount: acmeair"));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("connector social (x): OK: bearerToken reads (found @acmeair);"
                + " userAccessToken is @acmeair");
        platform.verify(getRequestedFor(urlPathEqualTo("/2/users/me")));
        platform.verify(0, getRequestedFor(urlPathEqualTo("/2/tweets/search/recent")));
    }

    @Test
    void xV2RefusingTheUserTokenSaysStatusAndXsWords() throws Exception {
        String base = serve("x");
        platform.stubFor(get(urlPathEqualTo("/2/users/me")).atPriority(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")));
        int code = check(connector("x", "baseUrl: " + base, "bearerToken: demo-bearer",
                "userAccessToken: expired-user-token", "brandAccount: acmeair"));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("FAILED  connector social (x): refused: X rejected the token (401):"
                + " check connectors.social.userAccessToken; X said: Unauthorized");
    }

    @Test
    void xV2AUserTokenOfAnotherAccountIsRefused() throws Exception {
        String base = serve("x");
        platform.stubFor(get(urlPathEqualTo("/2/users/me")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"id\":\"2244994945\",\"name\":\"Twitter Dev\",\"username\":\"TwitterDev\"}}")));
        int code = check(connector("x", "baseUrl: " + base, "bearerToken: demo-bearer",
                "userAccessToken: someone-elses", "brandAccount: acmeair"));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("refused: connectors.social.userAccessToken belongs to @TwitterDev,"
                + " but connectors.social.brandAccount is @acmeair");
    }

    @Test
    void xV1VerifyCredentialsNamesTheAccount() throws Exception {
        String base = serve("x");
        int code = check(connector("x", "api: v1.1", "baseUrl: " + base, "consumerKey: ck", "consumerSecret: cs",
                "accessToken: at", "accessTokenSecret: ats", "brandAccount: acmeair"));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("connector social (x): OK: OAuth 1.0a keys are @acmeair");
        platform.verify(getRequestedFor(urlPathEqualTo("/1.1/account/verify_credentials.json")));
    }

    @Test
    void xV1RefusingTheKeysSaysStatusAndXsWords() throws Exception {
        String base = serve("x");
        platform.stubFor(get(urlPathEqualTo("/1.1/account/verify_credentials.json")).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"code\":32,\"message\":\"Could not authenticate you.\"}]}")));
        int code = check(connector("x", "api: v1.1", "baseUrl: " + base, "consumerKey: ck", "consumerSecret: cs",
                "accessToken: at", "accessTokenSecret: ats", "brandAccount: acmeair"));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("FAILED  connector social (x): refused: X rejected the OAuth 1.0a keys"
                + " (401)").contains("Could not authenticate you.");
    }

    @Test
    void redditLogsInThenAsksWhoTheTokenIsFor() throws Exception {
        String base = serve("reddit");
        int code = check(reddit(base, "demo-client-id"));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("connector social (reddit): OK: u/acmeair");
        platform.verify(getRequestedFor(urlPathEqualTo("/api/v1/me")));
        platform.verify(0, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void redditRefusingTheAppSaysStatusAndRedditsWords() throws Exception {
        String base = serve("reddit");
        platform.stubFor(post(urlPathEqualTo("/api/v1/access_token")).atPriority(1).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Unauthorized\", \"error\": 401}")));
        int code = check(reddit(base, "wrong-client-id"));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("FAILED  connector social (reddit): refused: Reddit rejected the app's"
                + " credentials (401)").contains("Reddit said: Unauthorized").doesNotContain("demo-password");
    }

    @Test
    void blueskyLogsInThenGetSessionNamesTheHandle() throws Exception {
        String base = serve("bluesky");
        int code = check(connector("bluesky", "baseUrl: " + base, "identifier: acmeair.bsky.social",
                "appPassword: demo-demo-demo-demo"));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("connector social (bluesky): OK: acmeair.bsky.social"
                + " (did:plc:kjdzhvtacezb6jmezwklhl5n)");
        platform.verify(getRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.getSession")));
        platform.verify(0, getRequestedFor(urlPathMatching("/xrpc/app\\.bsky\\.feed\\..*")));
    }

    @Test
    void blueskyRefusingTheAppPasswordSaysStatusAndBlueskysWords() throws Exception {
        String base = serve("bluesky");
        platform.stubFor(post(urlPathEqualTo("/xrpc/com.atproto.server.createSession")).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}")));
        int code = check(connector("bluesky", "baseUrl: " + base, "identifier: acmeair.bsky.social",
                "appPassword: wron-gwro-ngwr-ongx"));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("FAILED  connector social (bluesky): refused: Bluesky refused to log in"
                + " as acmeair.bsky.social (401): AuthenticationRequired: Invalid identifier or password")
                .doesNotContain("wron-gwro");
    }

    @Test
    void imapAndSmtpBothTakeTheMailboxLogin() throws Exception {
        mail.setUser("support@acme.example", "support@acme.example", "s3cret");
        int code = check(mailbox("s3cret", mail.getSmtp().getPort()));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("connector social (email): OK: IMAP 127.0.0.1:" + mail.getImap().getPort()
                + " took the login of support@acme.example; INBOX holds 0 mails; SMTP 127.0.0.1:"
                + mail.getSmtp().getPort() + " took the login of support@acme.example");
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void imapRefusingTheLoginSaysWhatTheServerSaid() throws Exception {
        mail.setUser("support@acme.example", "support@acme.example", "s3cret");
        int code = check(mailbox("wrong-password", mail.getSmtp().getPort()));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("FAILED  connector social (email): refused: IMAP login refused for"
                + " support@acme.example").doesNotContain("wrong-password");
    }

    @Test
    void anSmtpServerThatCannotBeReachedIsUnreachable() throws Exception {
        mail.setUser("support@acme.example", "support@acme.example", "s3cret");
        int code = check(mailbox("s3cret", closedPort()));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("FAILED  connector social (email): unreachable: cannot reach the SMTP"
                + " server 127.0.0.1:");
    }

    @Test
    void aFeedIsReadOnceWithAGet() throws Exception {
        String base = serve("feed");
        int code = check(connector("feed", "feeds:", "  - url: " + base + "/feeds/skyward-news.xml"));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("connector social (rss): OK: read ");
    }

    @Test
    void aFeedThatIsGoneIsRefusedWithItsStatus() throws Exception {
        String base = serve("feed");
        platform.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(410).withBody("Gone")));
        int code = check(connector("feed", "feeds:", "  - url: " + base + "/feeds/skyward-news.xml"));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("FAILED  connector social (rss): refused:").contains("410");
        platform.verify(anyRequestedFor(urlPathEqualTo("/feeds/skyward-news.xml")));
    }

    private String serve(String stubs) {
        platform = new WireMockServer(options().dynamicPort().usingFilesUnderDirectory("wiremock/" + stubs));
        platform.start();
        return "http://127.0.0.1:" + platform.port();
    }

    private String reddit(String base, String clientId) {
        return connector("reddit", "baseUrl: " + base, "authUrl: " + base, "clientId: " + clientId,
                "clientSecret: demo-client-secret", "username: acmeair", "password: demo-password",
                "userAgent: \"earshot:org.earshot.test:0.1 (by /u/acmeair)\"");
    }

    private String mailbox(String password, int smtpPort) {
        return connector("imap", "imapHost: 127.0.0.1", "imapPort: " + mail.getImap().getPort(),
                "smtpHost: 127.0.0.1", "smtpPort: " + smtpPort, "ssl: false", "username: support@acme.example",
                "password: " + password, "fromAddress: support@acme.example", "connectTimeout: 2s");
    }

    /** A config with one connector, {@code social}, of the given type and settings. */
    private static String connector(String type, String... settings) {
        StringBuilder yaml = new StringBuilder("""
                storage:
                  jdbcUrl: "jdbc:h2:mem:online-credentials"
                brands:
                  - id: acme
                    keywords: ["acme air"]
                    handles: ["@acmeair"]
                connectors:
                  social:
                    type: %s
                """.formatted(type));
        if (!type.equals("imap")) {
            yaml.append("    maxAttempts: 1\n");
        }
        for (String setting : settings) {
            yaml.append("    ").append(setting).append('\n');
        }
        return yaml.toString();
    }

    private int check(String yaml) throws Exception {
        Path file = dir.resolve("earshot.yaml");
        Files.writeString(file, yaml);
        CommandLine cli = Earshot.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("check-config", "--online", file.toString());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
