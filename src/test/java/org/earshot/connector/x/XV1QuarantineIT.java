package org.earshot.connector.x;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.earshot.domain.QuarantinedItem;
import org.earshot.intake.MentionIntake;
import org.earshot.testing.MutableClock;
import org.earshot.testing.OneConnectorEarshot;
import org.earshot.testing.QuarantinedPayloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** Through the whole intake with v1.1: a status Twitter4J cannot read waits in quarantine, the rest become tasks. */
class XV1QuarantineIT {
    @RegisterExtension
    static WireMockExtension x = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/x"))
            .build();

    @TempDir
    Path dir;

    private OneConnectorEarshot earshot;

    @BeforeEach
    void start() {
        ObjectNode settings = XFixtures.settingsV1(x.baseUrl());
        settings.remove("type");
        settings.put("maxAttempts", 1);
        earshot = new OneConnectorEarshot(dir, XFixtures.config(settings),
                new MutableClock(Instant.parse("2026-11-19T10:00:00Z")));
    }

    @AfterEach
    void stop() {
        earshot.close();
    }

    @Test
    void aStatusWithAGarbledTimeWaitsInQuarantineAndIsStoredOnceItReads() throws Exception {
        ObjectNode answer = XV1UnreadableItemsTest.demoAnswer();
        ObjectNode status = (ObjectNode) answer.withArray("statuses").get(1);
        String id = status.get("id_str").asText();
        String time = status.get("created_at").asText();
        status.put("created_at", "yesterday");
        XV1UnreadableItemsTest.serve(x, answer.toString());

        MentionIntake.PollOutcome first = earshot.poll();
        MentionIntake.PollOutcome second = earshot.poll();
        QuarantinedItem held = earshot.held().get(0);
        String stillHeld = earshot.requeueAll().get(0).result();
        QuarantinedPayloads.replace(dir, held.id(), earshot.payload(held).replace("\"yesterday\"", "\"" + time + "\""));
        var stored = earshot.requeueAll();

        assertThat(first.failed()).isFalse();
        assertThat(second.read()).isZero();
        assertThat(held.externalId()).isEqualTo(id);
        assertThat(stillHeld).startsWith("still held").contains("Twitter4J");
        assertThat(stored).singleElement().satisfies(o -> assertThat(o.stored()).isTrue());
        assertThat(earshot.taskMentionIds()).contains(id).hasSize(6);
        assertThat(earshot.held()).isEmpty();
        assertThat(earshot.cursor()).contains(XFixtures.NEWEST);
    }
}
