package org.earshot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import java.util.Map;

/**
 * How Earshot logs, set up in code (logback finds this class through {@code META-INF/services}): one
 * line an event on stdout, readable by default ({@code 09:12:01.532 WARN MentionIntake - ...}, an
 * exception's causes folded onto the same line), JSON lines when {@code EARSHOT_LOG_FORMAT=json} (or
 * {@code -Dearshot.log.format=json}). Commands other than {@code run} and {@code demo} log to stderr
 * ({@code earshot.log.target=stderr}, set by the launcher), so that the JSON Lines filters' stdout stays
 * theirs. Secrets never reach a log line: the code that logs names keys and hosts, never values.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** Libraries that say too much at INFO. */
    private static final Map<String, Level> QUIETER = Map.ofEntries(Map.entry("org.quartz", Level.WARN),
            Map.entry("com.zaxxer.hikari", Level.WARN), Map.entry("org.flywaydb", Level.WARN),
            // Migrations run out of order on purpose (see Database.open): its warning at every start says nothing.
            Map.entry("org.flywaydb.core.internal.command.DbMigrate", Level.ERROR),
            Map.entry("wiremock", Level.WARN), Map.entry("WireMock", Level.WARN),
            Map.entry("com.github.tomakehurst", Level.WARN), Map.entry("org.eclipse.jetty", Level.WARN),
            Map.entry("com.icegreen", Level.WARN), Map.entry("org.apache.hc", Level.WARN),
            Map.entry("ai.djl", Level.ERROR), Map.entry("org.jdbi", Level.WARN), Map.entry("org.h2", Level.WARN));

    public enum Format { TEXT, JSON }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        apply(context, formatFromEnvironment(), !"stderr".equals(System.getProperty("earshot.log.target")));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static Format formatFromEnvironment() {
        String asked = System.getProperty("earshot.log.format", System.getenv("EARSHOT_LOG_FORMAT"));
        return asked != null && asked.trim().toLowerCase(Locale.ROOT).equals("json") ? Format.JSON : Format.TEXT;
    }

    /** Replaces whatever the context logged with: one console appender in this format. */
    public static void apply(LoggerContext context, Format format, boolean stdout) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        Encoder<ILoggingEvent> encoder = format == Format.JSON ? json(context) : text(context);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget(stdout ? "System.out" : "System.err");
        console.setEncoder(encoder);
        console.start();
        root.setLevel(Level.INFO);
        root.addAppender(console);
        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        // One line an event: an exception's trace is folded in, its lines joined by " | ".
        encoder.setPattern("%d{HH:mm:ss.SSS} %level %logger{0} - %msg"
                + "%replace(%replace(%replace( %ex{short}){'[\\r\\n]+$', ''}){'[\\r\\n]+\\s*', ' | '}){'^ $', ''}%nopex%n");
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
