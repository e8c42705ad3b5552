package org.earshot.demo;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.earshot.config.ConfigLoader;
import org.earshot.config.EarshotConfig;

/**
 * The simulated world the demo runs in: WireMock serving the recorded-shape Mastodon stubs, GreenMail
 * as the support mailbox seeded with customer e-mails, and the demo config pointed at both.
 */
public final class DemoEnvironment implements AutoCloseable {
    private final WireMockServer mastodon;
    private final DemoMailServer mail;
    private final EarshotConfig config;
    private final String apiToken;

    private DemoEnvironment(WireMockServer mastodon, DemoMailServer mail, EarshotConfig config, String apiToken) {
        this.mastodon = mastodon;
        this.mail = mail;
        this.config = config;
        this.apiToken = apiToken;
    }

    /**
     * @param configFile   the demo config (config/demo.yaml)
     * @param wiremockRoot the folder holding one stub folder per platform (wiremock/)
     * @param dataDir      where the demo's database goes; emptied first unless {@code keepData}
     * @param webPort      the web queue's port (0 for any free port)
     */
    public static DemoEnvironment start(Path configFile, Path wiremockRoot, Path dataDir, boolean keepData,
                                        int webPort) {
        Path stubs = wiremockRoot.resolve("mastodon");
        if (!Files.isDirectory(stubs.resolve("mappings"))) {
            throw new IllegalArgumentException("no Mastodon stubs in " + stubs.toAbsolutePath()
                    + ": run the demo from Earshot's folder, or pass --wiremock DIR");
        }
        if (!keepData) {
            deleteTree(dataDir);
        }
        WireMockServer mastodon = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory(stubs.toString()));
        mastodon.start();
        DemoMailServer mail = DemoMailServer.start();
        String envToken = System.getenv("EARSHOT_API_TOKEN");
        String token = envToken != null && !envToken.isBlank() ? envToken : randomToken();
        Map<String, String> demo = Map.of(
                "DEMO_MASTODON_URL", "http://127.0.0.1:" + mastodon.port(),
                "DEMO_IMAP_PORT", String.valueOf(mail.imapPort()),
                "DEMO_SMTP_PORT", String.valueOf(mail.smtpPort()),
                "DEMO_DATA_DIR", dataDir.toAbsolutePath().toString(),
                "DEMO_WEB_PORT", String.valueOf(webPort),
                "EARSHOT_API_TOKEN", token);
        try {
            EarshotConfig config = new ConfigLoader(name -> demo.getOrDefault(name, System.getenv(name)))
                    .load(configFile);
            return new DemoEnvironment(mastodon, mail, config, token);
        } catch (RuntimeException e) {
            mastodon.stop();
            mail.close();
            throw e;
        }
    }

    public EarshotConfig config() {
        return config;
    }

    public String apiToken() {
        return apiToken;
    }

    public int mastodonPort() {
        return mastodon.port();
    }

    public WireMockServer mastodon() {
        return mastodon;
    }

    public DemoMailServer mail() {
        return mail;
    }

    private static String randomToken() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the demo's data folder " + dir, e);
        }
    }

    @Override
    public void close() {
        mastodon.stop();
        mail.close();
    }
}
