package org.earshot.demo;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.earshot.Wiring;
import org.earshot.config.ConfigLoader;
import org.earshot.config.EarshotConfig;

/**
 * The simulated world the demo runs in: one WireMock per platform serving its recorded-shape stubs
 * from {@code wiremock/<platform>/}, GreenMail as the support mailbox seeded with customer e-mails,
 * and the demo config pointed at them through {@code DEMO_<PLATFORM>_URL} variables.
 */
public final class DemoEnvironment implements AutoCloseable {
    private final Map<String, WireMockServer> platforms;
    private final DemoMailServer mail;
    private final EarshotConfig config;
    private final String apiToken;

    private DemoEnvironment(Map<String, WireMockServer> platforms, DemoMailServer mail, EarshotConfig config,
                            String apiToken) {
        this.platforms = platforms;
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
        List<Path> stubFolders = stubFolders(wiremockRoot);
        if (stubFolders.isEmpty()) {
            throw new IllegalArgumentException("no platform stubs in " + wiremockRoot.toAbsolutePath()
                    + ": run the demo from Earshot's folder, or pass --wiremock DIR");
        }
        if (!keepData) {
            deleteTree(dataDir);
        }
        Map<String, WireMockServer> platforms = new LinkedHashMap<>();
        Map<String, String> demo = new HashMap<>();
        DemoMailServer mail = null;
        try {
            for (Path folder : stubFolders) {
                WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                        .usingFilesUnderDirectory(folder.toString()));
                server.start();
                String id = folder.getFileName().toString();
                platforms.put(id, server);
                demo.put("DEMO_" + id.toUpperCase(Locale.ROOT) + "_URL", "http://127.0.0.1:" + server.port());
            }
            mail = DemoMailServer.start();
            String envToken = System.getenv("EARSHOT_API_TOKEN");
            String token = envToken != null && !envToken.isBlank() ? envToken : randomToken();
            demo.put("DEMO_IMAP_PORT", String.valueOf(mail.imapPort()));
            demo.put("DEMO_SMTP_PORT", String.valueOf(mail.smtpPort()));
            demo.put("DEMO_DATA_DIR", dataDir.toAbsolutePath().toString());
            demo.put("DEMO_WEB_PORT", String.valueOf(webPort));
            demo.put("EARSHOT_API_TOKEN", token);
            EarshotConfig config = new ConfigLoader(name -> demo.getOrDefault(name, System.getenv(name)), Wiring.CHANNELS)
                    .load(configFile);
            return new DemoEnvironment(platforms, mail, config, token);
        } catch (RuntimeException e) {
            platforms.values().forEach(WireMockServer::stop);
            if (mail != null) {
                mail.close();
            }
            throw e;
        }
    }

    /** Every folder under the stubs root that has WireMock mappings, in name order. */
    private static List<Path> stubFolders(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> Files.isDirectory(p.resolve("mappings"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    public EarshotConfig config() {
        return config;
    }

    public String apiToken() {
        return apiToken;
    }

    /** The simulated platforms by their stub folder's name ("mastodon", "x", ...). */
    public Map<String, WireMockServer> platforms() {
        return java.util.Collections.unmodifiableMap(platforms);
    }

    public WireMockServer mastodon() {
        return platforms.get("mastodon");
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
        platforms.values().forEach(WireMockServer::stop);
        mail.close();
    }
}
