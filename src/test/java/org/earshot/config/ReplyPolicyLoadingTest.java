package org.earshot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.earshot.Wiring;

class ReplyPolicyLoadingTest {

    @Test
    void theProjectsPolicyHasATemplateForEveryIntentThatGetsAReply() {
        ReplyPolicy policy = ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(Path.of("config/earshot.yaml")).policy();
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
        ReplyPolicy policy = new ConfigLoader(name -> null, Wiring.CHANNELS).load(config).policy();
        assertThat(policy.signOff()).isEqualTo(ReplyPolicy.DEFAULT_SIGN_OFF);
        assertThat(policy.askWhenUnclear()).isEqualTo(ReplyPolicy.DEFAULT_ASK_WHEN_UNCLEAR);
    }

    private static ReplyPolicy load(Path dir, String reply) throws Exception {
        Path config = dir.resolve("earshot.yaml");
        Files.writeString(config, "brands:\n  - id: acme\nreply:\n" + reply.indent(2));
        return new ConfigLoader(name -> null, Wiring.CHANNELS).load(config).policy();
    }

    private static String error(Path dir, String reply) {
        try {
            load(dir, reply);
            return "";
        } catch (ConfigException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theProjectsPolicyHasHearBackTimesAnswersACatalogueAndForbidsAdmittingFault() {
        ReplyPolicy policy = ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(Path.of("config/earshot.yaml")).policy();
        assertThat(policy.hearBackFor(org.earshot.domain.Intent.COMPLAINT, org.earshot.domain.UrgencyLevel.CRITICAL))
                .isEqualTo(Duration.ofHours(1));
        assertThat(policy.hearBackFor(org.earshot.domain.Intent.COMPLAINT, org.earshot.domain.UrgencyLevel.NORMAL))
                .isEqualTo(Duration.ofHours(24));
        assertThat(policy.faq()).extracting(FaqAnswer::id).contains("baggage", "check-in", "refunds", "hours");
        assertThat(policy.catalogue().items()).anyMatch(i -> !i.offered() && !i.nearest().isEmpty());
        assertThat(policy.legal().mayAdmitFault()).isFalse();
        assertThat(policy.escalateTo()).containsKeys("legal", "safety", "security");
        assertThat(policy.llm().enabled()).isFalse();
    }

    @Test
    void theBrandVoiceMustBeOneOfTheVoices(@TempDir Path dir) {
        assertThat(error(dir, "brandVoice: cheeky\nvoices:\n  friendly:\n    complaint: \"Hi {name}\"\n"))
                .contains("reply.brandVoice").contains("must be one of the voices [friendly], but was 'cheeky'");
    }

    @Test
    void aTemplateNameMustBeAnIntentOrAVariantOfOne(@TempDir Path dir) {
        assertThat(error(dir, "templates:\n  complain: \"Hi\"\n")).contains("reply.templates.complain")
                .contains("is not a template name");
    }

    @Test
    void aHearBackKeyMustBeAnUrgencyLevelOrAnIntent(@TempDir Path dir) {
        assertThat(error(dir, "hearBack:\n  asap: 1h\n")).contains("reply.hearBack.asap")
                .contains("must be an urgency level (low, normal, high, critical) or an intent");
        assertThat(error(dir, "hearBack:\n  critical: soon\n")).contains("reply.hearBack.critical")
                .contains("must be a duration");
    }

    @Test
    void aCatalogueItemsNearestMustNameAnItem(@TempDir Path dir) {
        assertThat(error(dir, "catalogue:\n  items:\n    - {id: first, name: First, offered: false, nearest: [biz]}\n"))
                .contains("items[0].nearest: 'biz' is not the id of an item");
    }

    @Test
    void anEnabledLlmNeedsABaseUrlAndAModel(@TempDir Path dir) throws Exception {
        assertThat(error(dir, "llm:\n  enabled: true\n  model: m\n")).contains("reply.llm.baseUrl");
        ReplyPolicy policy = load(dir, "llm:\n  enabled: true\n  baseUrl: http://localhost:8093/\n  model: m\n");
        assertThat(policy.llm().baseUrl()).hasToString("http://localhost:8093");
        assertThat(policy.llm().timeout()).isEqualTo(Duration.ofSeconds(20));
    }
}
