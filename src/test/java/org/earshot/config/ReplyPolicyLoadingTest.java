package org.earshot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplyPolicyLoadingTest {

    @Test
    void theProjectsPolicyHasATemplateForEveryIntentThatGetsAReply() {
        ReplyPolicy policy = ConfigLoader.fromEnvironment().load(Path.of("config/earshot.yaml")).policy();
        assertThat(policy.templates()).containsKeys("complaint", "question", "praise", "purchase_intent",
                "feature_request", "crisis", "other");
        assertThat(policy.signOff()).isEqualTo("Kind regards,");
        assertThat(policy.askWhenUnclear()).endsWith("?");
        assertThat(policy.hearBackWithin()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void signOffAndClarifyingQuestionDefaultWhenAbsent(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("earshot.yaml");
        Files.writeString(config, """
                brands:
                  - id: acme
                reply:
                  handledBy: Sam
                """);
        ReplyPolicy policy = new ConfigLoader(name -> null).load(config).policy();
        assertThat(policy.signOff()).isEqualTo(ReplyPolicy.DEFAULT_SIGN_OFF);
        assertThat(policy.askWhenUnclear()).isEqualTo(ReplyPolicy.DEFAULT_ASK_WHEN_UNCLEAR);
    }
}
