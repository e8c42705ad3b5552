package org.earshot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.domain.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private static final String BRANDS = """
            brands:
              - id: acme
                name: Acme Air
                keywords: ["acme air"]
            """;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("earshot.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private EarshotConfig load(String yaml, Map<String, String> env) throws IOException {
        return new ConfigLoader(env::get, Wiring.CHANNELS).load(write(yaml));
    }

    @Test
    void theExampleConfigLoads() {
        EarshotConfig config = new ConfigLoader(name -> null, Wiring.CHANNELS).load(Path.of("config/earshot.yaml"));
        assertThat(config.brands()).extracting(BrandConfig::id).containsExactly("acme");
        assertThat(config.connectors()).containsKeys("mastodon", "support-mail");
        assertThat(config.serviceLevels().forChannel(Wiring.CHANNELS.of(Platform.EMAIL)).firstResponse()).isEqualTo(Duration.ofHours(12));
        assertThat(config.policy().templates()).containsKey("complaint");
    }

    @Test
    void theExampleConfigNamesItsLanguages() {
        EarshotConfig config = new ConfigLoader(name -> null, Wiring.CHANNELS).load(Path.of("config/earshot.yaml"));
        assertThat(config.reading().languages()).containsExactly("en", "es", "fr", "de", "pt");
    }

    @Test
    void intentExamplesAreReadRelativeToTheConfigAndAMissingFileStopsTheStart() throws IOException {
        String examples = "intentExamples: " + Path.of("config/intent-examples.tsv").toAbsolutePath() + "\n";
        assertThat(load(BRANDS + examples, Map.of()).reading().intentExamples()).hasFileName("intent-examples.tsv");
        assertThatThrownBy(() -> load(BRANDS + "intentExamples: nowhere.tsv\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("which is not a file");
    }

    @Test
    void withoutLanguagesTheFiveDefaultOnesAreRead() throws IOException {
        assertThat(load(BRANDS, Map.of()).reading()).isEqualTo(ReadingConfig.DEFAULT);
    }

    @Test
    void aLanguageThatIsNotACodeNamesTheKey() throws IOException {
        assertThatThrownBy(() -> load(BRANDS + "languages: [en, Spanish]\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("languages must list ISO 639-1 codes like en or es, but has 'Spanish'");
    }

    @Test
    void aScheduleThatIsNotADurationNamesTheKeyAndTheValue() throws IOException {
        assertThatThrownBy(() -> load(BRANDS + """
                connectors:
                  mastodon:
                    type: mastodon
                    schedule: often
                """, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("connectors.mastodon.schedule must be a duration like 30s, 5m or 12h, but was 'often'");
    }

    @Test
    void anUnsetSecretStopsTheStartWithTheVariableName() throws IOException {
        assertThatThrownBy(() -> load(BRANDS + """
                connectors:
                  mastodon:
                    type: mastodon
                    accessToken: ${MASTODON_TOKEN}
                """, Map.of()))
                .hasMessageContaining("connectors.mastodon.accessToken needs the environment variable MASTODON_TOKEN");
    }

    @Test
    void secretsComeFromTheEnvironmentAndFallBackWhenUnset() throws IOException {
        EarshotConfig config = load(BRANDS + """
                web:
                  apiToken: ${TOKEN}
                slack:
                  webhookUrl: ${SLACK:-}
                """, Map.of("TOKEN", "s3cret"));
        assertThat(config.web().apiToken()).isEqualTo("s3cret");
        assertThat(config.slack().enabled()).isFalse();
    }

    @Test
    void aSecretCanComeFromAFileNamedByNameFile() throws IOException {
        Path secret = dir.resolve("token.txt");
        Files.writeString(secret, "from-a-file\n");
        EarshotConfig config = load(BRANDS + "web:\n  apiToken: ${TOKEN}\n", Map.of("TOKEN_FILE", secret.toString()));
        assertThat(config.web().apiToken()).isEqualTo("from-a-file");
    }

    @Test
    void anUnreadableSecretFileIsNamed() throws IOException {
        assertThatThrownBy(() -> load(BRANDS + "web:\n  apiToken: ${TOKEN}\n", Map.of("TOKEN_FILE", "/nope/token")))
                .hasMessageContaining("web.apiToken needs TOKEN, but its secret file TOKEN_FILE=/nope/token cannot be read");
    }

    @Test
    void aDisabledConnectorDoesNotNeedItsSecrets() throws IOException {
        EarshotConfig config = load(BRANDS + """
                connectors:
                  mastodon:
                    type: mastodon
                    enabled: false
                    accessToken: ${MASTODON_TOKEN}
                """, Map.of());
        assertThat(config.connectors().get("mastodon").enabled()).isFalse();
    }

    @Test
    void aConnectorForAnUnknownBrandIsRefused() throws IOException {
        assertThatThrownBy(() -> load(BRANDS + """
                connectors:
                  mastodon:
                    type: mastodon
                    brand: globex
                """, Map.of()))
                .hasMessageContaining("connectors.mastodon.brand must be one of the brands [acme], but was 'globex'");
    }

    @Test
    void aConfigWithoutBrandsIsRefused() throws IOException {
        assertThatThrownBy(() -> load("web:\n  port: 8080\n", Map.of()))
                .hasMessageContaining("brands must list at least one brand");
    }

    @Test
    void aPortOutOfRangeIsRefused() throws IOException {
        assertThatThrownBy(() -> load(BRANDS + "web:\n  port: 99999\n", Map.of()))
                .hasMessageContaining("web.port must be between 0 and 65535, but was 99999");
    }

    @Test
    void brokenYamlNamesTheLine() throws IOException {
        assertThatThrownBy(() -> load(BRANDS + "connectors: [unclosed\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not valid YAML at line");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> new ConfigLoader(n -> null, Wiring.CHANNELS).load(dir.resolve("nope.yaml")))
                .hasMessageContaining("nope.yaml: does not exist");
    }

    @Test
    void resolutionShorterThanFirstResponseIsRefused() throws IOException {
        assertThatThrownBy(() -> load(BRANDS + """
                serviceLevels:
                  email:
                    firstResponse: 12h
                    resolution: 1h
                """, Map.of()))
                .hasMessageContaining("serviceLevels.email.resolution must not be shorter than firstResponse (12h), but was 1h");
    }

    @Test
    void theExampleAlertsLoadWithRoutesBusinessHoursAndSpikeRule() {
        EarshotConfig config = new ConfigLoader(name -> null, Wiring.CHANNELS).load(Path.of("config/earshot.yaml"));
        assertThat(config.alerts().routes()).extracting(AlertRoute::name).containsExactly("urgent", "team");
        assertThat(config.alerts().routes().get(0).quietHours().contains(java.time.LocalTime.of(23, 0))).isTrue();
        assertThat(config.alerts().businessHours().isAlways()).isFalse();
        assertThat(config.alerts().spike().sigmas()).isEqualTo(3.0);
    }

    @Test
    void anAlertRouteToAnUnknownKindIsRefused() throws IOException {
        assertThatThrownBy(() -> load(BRANDS + """
                alerts:
                  routes:
                    - webhookUrl: https://hooks.slack.com/x
                      kinds: [everything]
                """, Map.of()))
                .hasMessageContaining("alerts.routes[0].kinds must be among [connector_unhealthy, digest, follow_up_due, new_mention, sla_breach, sla_warning, spike], but has 'everything'");
    }

    @Test
    void quietHoursNeedRealTimes() throws IOException {
        assertThatThrownBy(() -> load(BRANDS + """
                alerts:
                  routes:
                    - webhookUrl: https://hooks.slack.com/x
                      quietHours: {from: "late", to: "07:00"}
                """, Map.of()))
                .hasMessageContaining("alerts.routes[0].quietHours.from must be a time like 08:00 or 22:30, but was 'late'");
    }

    @Test
    void aSlackWebhookWithoutRoutesGetsHighAndCriticalAlerts() throws IOException {
        EarshotConfig config = load(BRANDS + "slack:\n  webhookUrl: https://hooks.slack.com/services/x\n", Map.of());
        assertThat(config.alerts().routes()).singleElement().satisfies(r -> {
            assertThat(r.webhookUrl()).isEqualTo("https://hooks.slack.com/services/x");
            assertThat(r.minimumLevel()).isEqualTo(org.earshot.domain.UrgencyLevel.HIGH);
        });
    }

    @Test
    void theDefaultDatabaseIsAnH2FileBesideTheConfig() throws IOException {
        EarshotConfig config = load(BRANDS, Map.of());
        assertThat(config.storage().jdbcUrl()).startsWith("jdbc:h2:file:").contains("AUTO_SERVER=TRUE");
    }

    @Test
    void aDatabaseOtherThanPostgreSqlOrH2IsRefusedWithAnExample() throws IOException {
        assertThatThrownBy(() -> load(BRANDS + "storage:\n  jdbcUrl: jdbc:mysql://db/earshot\n", Map.of()))
                .hasMessageContaining("storage.jdbcUrl must be a PostgreSQL URL like jdbc:postgresql://")
                .hasMessageContaining("but was 'jdbc:mysql://db/earshot'");
    }

    @Test
    void aPostgreSqlUrlKeepsItsOwnUserUnlessOneIsGiven() throws IOException {
        EarshotConfig config = load(BRANDS + "storage:\n  jdbcUrl: jdbc:postgresql://db/earshot?user=earshot\n", Map.of());
        assertThat(config.storage().user()).isEmpty();
    }
}
