package org.earshot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.earshot.testing.CapturedLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One line an event on stdout: readable by default, JSON lines when asked for. */
class LogSetupTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void backToText() {
        LogSetup.apply(context, LogSetup.Format.TEXT, true);
    }

    @Test
    void theReadableFormatKeepsAnEventAndItsExceptionOnOneLine() {
        try (CapturedLog log = new CapturedLog()) {
            LoggerFactory.getLogger("org.earshot.intake.MentionIntake").warn("connector {}: poll failed", "x",
                    new IllegalStateException("outer", new java.io.IOException("inner")));
            String line = log.text().lines().filter(l -> l.contains("poll failed")).findFirst().orElseThrow();
            assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN MentionIntake - connector x: poll failed .*")
                    .contains("IllegalStateException: outer").contains("IOException: inner");
            assertThat(log.text().lines().filter(l -> l.contains("inner")).count()).isEqualTo(1);
        }
    }

    @Test
    void jsonGivesOneJsonObjectALine() throws Exception {
        LogSetup.apply(context, LogSetup.Format.JSON, true);
        try (CapturedLog log = new CapturedLog()) {
            LoggerFactory.getLogger("org.earshot.task.OutboxDispatcher").info("task {}: reply posted on {}", 8, "mastodon");
            String line = log.text().lines().filter(l -> l.contains("reply posted")).findFirst().orElseThrow();
            JsonNode event = new ObjectMapper().readTree(line);
            assertThat(event.path("level").asText()).isEqualTo("INFO");
            assertThat(event.path("loggerName").asText()).isEqualTo("org.earshot.task.OutboxDispatcher");
            assertThat(event.path("formattedMessage").asText()).isEqualTo("task 8: reply posted on mastodon");
        }
    }
}
