package org.earshot.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key no reader knows stops the load, naming the file, the key and the known key it was probably meant to be. */
class UnknownKeysTest {
    @TempDir
    Path dir;

    private static final String BRANDS = """
            brands:
              - id: acme
                keywords: ["acme air"]
            """;

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private void assertRefused(String yaml, String message) throws IOException {
        Path file = write("earshot.yaml", BRANDS + yaml);
        assertThatThrownBy(() -> new ConfigLoader(n -> null, org.earshot.Wiring.CHANNELS).load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message.startsWith("/") ? message : file + ": " + message);
    }

    @Test
    void aMistypedTopLevelSectionIsRefused() throws IOException {
        assertRefused("stroage:\n  dataDir: data\n", "stroage is not a setting; did you mean storage?");
    }

    @Test
    void aMistypedBrandKeyIsRefused() throws IOException {
        Path file = write("earshot.yaml", "brands:\n  - id: acme\n    keywrods: [acme]\n");
        assertThatThrownBy(() -> new ConfigLoader(n -> null, org.earshot.Wiring.CHANNELS).load(file))
                .hasMessage(file + ": brands[0].keywrods is not a setting; did you mean keywords?");
    }

    @Test
    void aMistypedRouteLevelIsRefusedInsteadOfFallingBackToNormal() throws IOException {
        assertRefused("""
                alerts:
                  routes:
                    - webhookUrl: https://hooks.slack.example/T1
                      minimumLevle: critical
                """, "alerts.routes[0].minimumLevle is not a setting; did you mean minimumLevel?");
    }

    @Test
    void aMistypedServiceLevelIsRefused() throws IOException {
        assertRefused("serviceLevels:\n  email:\n    firstRespons: 2h\n",
                "serviceLevels.email.firstRespons is not a setting; did you mean firstResponse?");
    }

    @Test
    void aMistypedInlinePolicyKeyIsRefused() throws IOException {
        assertRefused("reply:\n  brandVocie: friendly\n", "reply.brandVocie is not a setting; did you mean brandVoice?");
    }

    @Test
    void aMistypedLlmKeyIsRefusedEvenWhileTheLlmIsOff() throws IOException {
        assertRefused("reply:\n  llm:\n    enabeld: true\n", "reply.llm.enabeld is not a setting; did you mean enabled?");
    }

    @Test
    void aMistypedKeyInThePolicyFileNamesThePolicyFile() throws IOException {
        Path policy = write("policy.yaml", "signof: Cheers\n");
        assertRefused("reply:\n  policyFile: policy.yaml\n", policy + ": signof is not a setting; did you mean signOff?");
    }

    @Test
    void aMistypedKeyInTheAnswerFileNamesTheAnswerFile() throws IOException {
        Path faq = write("faq.yaml", "faq:\n  - id: bags\n    match: [bag]\n    answer: One bag.\n    answr: Two.\n");
        assertRefused("reply:\n  faqFile: faq.yaml\n", faq + ": faq[0].answr is not a setting; did you mean answer?");
    }

    @Test
    void aMistypedKeyInTheCatalogueFileNamesTheCatalogueFile() throws IOException {
        Path catalogue = write("catalogue.yaml",
                "catalogue:\n  items:\n    - id: economy\n      name: Economy\n      link: x.example\n      pich: Cheap.\n");
        assertRefused("reply:\n  catalogueFile: catalogue.yaml\n",
                catalogue + ": catalogue.items[0].pich is not a setting; did you mean pitch?");
    }

    @Test
    void aMistypedTemplateInAVoiceNotInUseIsRefused() throws IOException {
        Path file = write("earshot.yaml", BRANDS + """
                reply:
                  brandVoice: friendly
                  voices:
                    friendly:
                      complaint: "Sorry."
                    formal:
                      compliant: "We apologise."
                """);
        assertThatThrownBy(() -> new ConfigLoader(n -> null, org.earshot.Wiring.CHANNELS).load(file))
                .hasMessageStartingWith(file + ": reply.voices.formal.compliant is not a template name");
    }

    @Test
    void aKeyCloseToNothingGetsNoSuggestionButTheKnownSettings() throws IOException {
        assertRefused("web:\n  colour: blue\n", "web.colour is not a setting (the settings here are apiToken, host, port)");
    }
}
