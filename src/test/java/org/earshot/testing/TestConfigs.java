package org.earshot.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.BrandConfig;
import org.earshot.config.ConfigLoader;
import org.earshot.config.EarshotConfig;
import org.earshot.config.ReplyPolicy;
import org.earshot.config.ServiceLevels;
import org.earshot.config.SlackConfig;
import org.earshot.config.StorageConfig;
import org.earshot.config.WebConfig;

/** Configs for tests: the example policy and brand, a database in the test's own folder. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static StorageConfig h2In(Path dir) {
        return new StorageConfig("jdbc:h2:file:" + dir.resolve("earshot") + ";AUTO_SERVER=TRUE", "sa", "");
    }

    public static EarshotConfig withDatabaseIn(Path dir) {
        EarshotConfig example = new ConfigLoader(n -> null, Wiring.CHANNELS).load(Path.of("config/earshot.yaml"));
        return new EarshotConfig(example.file(), h2In(dir), new WebConfig("127.0.0.1", 0, "test-token"),
                example.brands(), Map.of(), example.serviceLevels(), new SlackConfig(""), example.policy());
    }

    public static BrandConfig acme() {
        return new BrandConfig("acme", "Acme Air", List.of("acme air"), List.of("@acmeair"), List.of("#acmeair"),
                List.of(), List.of("spambot"), List.of("acmeair"));
    }

    public static ReplyPolicy policy() {
        return new ReplyPolicy("friendly", "Sam", Duration.ofHours(24), List.of(), List.of("compensation"), Map.of());
    }

    public static ServiceLevels serviceLevels() {
        return new ServiceLevels(Map.of());
    }

    /** The example config written into {@code dir}, its database there too, for commands run on a file. */
    public static Path exampleConfigFileIn(Path dir) throws java.io.IOException {
        String example = java.nio.file.Files.readString(Path.of("config/earshot.yaml"))
                .replace("dataDir: ../data", "dataDir: " + dir.resolve("data"))
                .replace("policyFile: policy.yaml", "policyFile: " + Path.of("config/policy.yaml").toAbsolutePath());
        Path file = dir.resolve("earshot.yaml");
        java.nio.file.Files.writeString(file, example);
        return file;
    }
}
