package org.earshot.task;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.EarshotConfig;
import org.earshot.config.LlmSettings;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.earshot.domain.ResponseTask;
import org.earshot.testing.InMemoryPlatform;
import org.earshot.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The LLM writes its drafts as a job of its own: intake opens tasks with the templates' draft without asking it. */
class LlmDraftsIT {
    private static final String STUB_REPLY = "Hi Maria, I'm so sorry about your lost bag on the way to Madrid.";

    @RegisterExtension
    static WireMockExtension llm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/llm"))
            .build();

    @TempDir
    Path dir;

    private final InMemoryPlatform platform = new InMemoryPlatform();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private Wiring earshot;

    private Wiring open(String model) {
        EarshotConfig base = platform.configWithDatabaseIn(dir);
        EarshotConfig withLlm = new EarshotConfig(base.file(), base.storage(), base.web(), base.brands(),
                base.connectors(), base.serviceLevels(), base.slack(), base.policy().withLlm(new LlmSettings(true,
                URI.create(llm.baseUrl()), model, "sk-test", Duration.ofSeconds(5))), base.alerts());
        earshot = new Wiring(withLlm, List.of(platform.factory()), clock, Wiring.Timings.DEFAULT);
        return earshot;
    }

    @AfterEach
    void close() {
        earshot.close();
    }

    private static int llmCalls() {
        return llm.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).size();
    }

    private ResponseTask pollOneComplaint() {
        platform.posts.add(new IncomingMention(Platform.MASTODON, "1", new Author("maria@mastodon.example",
                "Maria Lopez", 40), "@acmeair you lost my bag on the way to Madrid", "", clock.instant(), "", Map.of()));
        List<Long> opened = earshot.pollOnce("social").newTaskIds();
        assertThat(opened).hasSize(1);
        return earshot.queries().get(opened.get(0));
    }

    @Test
    void aPollOpensTheTaskWithTheTemplatesDraftWithoutAskingTheLlmAndTheJobPutsTheLlmsDraftInPlace() {
        open("gpt-4o-mini");
        ResponseTask opened = pollOneComplaint();

        assertThat(llmCalls()).isZero();
        assertThat(opened.draft().text()).startsWith("Hi Maria").isNotEqualTo(STUB_REPLY);
        assertThat(opened.draft().warningLines()).noneMatch(w -> w.contains("written by the LLM"));

        assertThat(earshot.draftWithLlmOnce()).isEqualTo(1);
        assertThat(earshot.draftWithLlmOnce()).isZero();

        ResponseTask drafted = earshot.queries().get(opened.id());
        assertThat(drafted.draft().text()).startsWith(STUB_REPLY);
        assertThat(drafted.draft().warningLines()).contains("drafter: written by the LLM (gpt-4o-mini)");
        assertThat(llmCalls()).isEqualTo(1);
    }

    @Test
    void eachLlmCallIsTimedOnTheMetricsPage() {
        open("gpt-4o-mini");
        pollOneComplaint();
        assertThat(earshot.draftWithLlmOnce()).isEqualTo(1);

        String page = earshot.metricsPage();
        assertThat(page).contains("earshot_model_seconds_count{outcome=\"ok\"} 1");
        assertThat(page.lines().filter(l -> l.startsWith("earshot_model_seconds_sum{outcome=\"ok\"}"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))).singleElement()
                .satisfies(seconds -> assertThat(seconds).isPositive());
    }

    @Test
    void anLlmThatKeepsFailingLeavesTheTemplatesDraftWithWhyAndIsNotAskedAgain() {
        open("earshot-busy");
        ResponseTask opened = pollOneComplaint();

        earshot.draftWithLlmOnce();
        earshot.draftWithLlmOnce();

        ResponseTask after = earshot.queries().get(opened.id());
        assertThat(after.draft().text()).isEqualTo(opened.draft().text());
        assertThat(after.draft().warningLines()).first().asString().startsWith("drafter: ")
                .endsWith("this is the template's draft");
        assertThat(llmCalls()).isEqualTo(3);
    }

    @Test
    void aTaskDecidedBeforeTheLlmGotToItKeepsItsDecisionAndTheLlmIsNotAsked() {
        open("gpt-4o-mini");
        ResponseTask opened = pollOneComplaint();
        earshot.approvals().reject(opened.id(), "answered on the phone", "sam");

        assertThat(earshot.draftWithLlmOnce()).isZero();
        assertThat(llmCalls()).isZero();
        assertThat(earshot.queries().get(opened.id()).draft().text()).isEqualTo(opened.draft().text());
    }
}
