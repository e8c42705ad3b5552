package org.earshot.reply;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import org.earshot.Wiring;
import org.earshot.config.LlmSettings;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Platform;
import org.earshot.domain.Warning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The optional LLM drafter against the OpenAI-shaped stubs of wiremock/llm over real HTTP. */
class LlmDraftIT {
    private static final String STUB_REPLY = "Hi Maria, I'm so sorry about your lost bag on the way to Madrid. I've "
            + "opened a trace with our baggage team, and you'll hear back from me within 24 hours with what we find.";

    @RegisterExtension
    static WireMockExtension llm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/llm"))
            .build();

    private static final DraftInput MARIA = new DraftInput(Platform.MASTODON, new Author("maria", "Maria Lopez", 40),
            "@acmeair you lost my bag on the way to Madrid", "", null, CustomerHistory.NONE);

    private static ReplyDrafter drafter(String model) {
        return new ReplyDrafter(Policies.ACME.withLlm(new LlmSettings(true, URI.create(llm.baseUrl()), model,
                "sk-test", Duration.ofSeconds(5))), Wiring.CHANNELS);
    }

    private static int calls() {
        return llm.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).size();
    }

    @Test
    void theLlmWritesTheDraftFromAPromptBuiltFromThePolicyAndItPassesTheSameRules() {
        Draft d = drafter("gpt-4o-mini").draft(MARIA);

        assertThat(d.text()).isEqualTo(STUB_REPLY);
        assertThat(d.warningLines()).containsExactly("drafter: written by the LLM (gpt-4o-mini)");
        assertThat(d.followUp()).isTrue();
        llm.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .withRequestBody(containing("refund within 30 days of purchase"))
                .withRequestBody(containing("Never admit fault"))
                .withRequestBody(containing("within 24 hours"))
                .withRequestBody(containing("you lost my bag on the way to Madrid")));
    }

    @Test
    void thePromptCarriesTheReadingTheProblemTheIntentTheLanguageAndTheTimeLeft() {
        drafter("gpt-4o-mini").draft(MARIA.withTimeLeft(Duration.ofMinutes(150)));

        llm.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("- intent: complaint"))
                .withRequestBody(containing("- language: en"))
                .withRequestBody(containing("- the problem, in the customer's words turned to 'you': your lost bag"))
                .withRequestBody(containing("- time left: promise to come back within 2 hours at most, never later")));
    }

    @Test
    void aLateMentionsPromptAsksForNoFreshTime() {
        drafter("gpt-4o-mini").draft(MARIA.withTimeLeft(Duration.ofMinutes(-20)));

        llm.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("the service level has run out"))
                .withRequestBody(containing("hear back as soon as you can today")));
    }

    @Test
    void aDraftThatBreaksAHardRuleIsReplacedByTheTemplatesWithTheReason() {
        Draft d = drafter("earshot-promiser").draft(MARIA);

        assertThat(d.text()).startsWith("Hi Maria, I'm sorry about your lost bag").doesNotContain("voucher");
        assertThat(d.warningLines()).first().asString().startsWith("drafter: the LLM's draft broke a hard rule (hard: promises")
                .endsWith("this is the template's draft");
        assertThat(d.warnings()).allMatch(Warning::isNotice);
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterSaysAndTheDraftComesThrough() {
        Draft d = drafter("earshot-429-once").draft(MARIA);

        assertThat(d.text()).isEqualTo(STUB_REPLY);
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void anLlmThatStaysRateLimitedIsTriedThreeTimesThenTheTemplatesDraft() {
        Draft d = drafter("earshot-busy").draft(MARIA);

        assertThat(calls()).isEqualTo(3);
        assertThat(d.text()).startsWith("Hi Maria, I'm sorry about your lost bag");
        assertThat(d.warningLines()).first().asString().contains("answered HTTP 429").contains("rate_limit_exceeded")
                .endsWith("this is the template's draft");
    }

    @Test
    void aServerErrorFallsBackToTheTemplatesDraftWithTheReason() {
        Draft d = drafter("earshot-broken").draft(MARIA);

        assertThat(calls()).isEqualTo(3);
        assertThat(d.warningLines()).first().asString().startsWith("drafter: the LLM at").contains("answered HTTP 500");
        assertThat(d.warnings()).filteredOn(w -> !w.isNotice()).isEmpty();
    }

    @Test
    void anUnreachableLlmFallsBackToTheTemplatesDraft() {
        ReplyDrafter offline = new ReplyDrafter(Policies.ACME.withLlm(new LlmSettings(true,
                URI.create("http://127.0.0.1:9"), "gpt-4o-mini", "", Duration.ofSeconds(2))), Wiring.CHANNELS);
        Draft d = offline.draft(MARIA);
        assertThat(d.text()).startsWith("Hi Maria, I'm sorry about your lost bag");
        assertThat(d.warningLines()).first().asString().contains("could not be reached");
    }

    @Test
    void aCrisisKeepsTheTeamsHoldingReplyAndTheLlmIsNotAsked() {
        Draft d = drafter("gpt-4o-mini").draft(new DraftInput(Platform.X, new Author("bob", "Bob", 1),
                "the engine on AC900 caught fire before takeoff", "", null, CustomerHistory.NONE));
        assertThat(d.text()).contains("emergency services");
        assertThat(calls()).isZero();
    }

    @Test
    void theLlmIsOffUnlessEnabled() {
        assertThat(Policies.ACME.llm().enabled()).isFalse();
        assertThat(new ReplyDrafter(Policies.ACME, Wiring.CHANNELS).draft(MARIA).warnings()).noneMatch(w -> w.rule().equals("drafter"));
    }
}
