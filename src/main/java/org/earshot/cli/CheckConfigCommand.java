package org.earshot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.earshot.Wiring;
import org.earshot.config.AlertRoute;
import org.earshot.config.ConfigCheck;
import org.earshot.config.ConfigException;
import org.earshot.config.ConfigLoader;
import org.earshot.config.ConnectorConfig;
import org.earshot.config.EarshotConfig;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check-config", description = {
        "Checks a configuration as the daemon would read it and lists every problem at once (file, key, reason).",
        "Exit 0 when it is fine, 2 when the daemon would refuse it (or, with --online, a credential or webhook fails)."})
public final class CheckConfigCommand implements Callable<Integer> {
    static final int BAD_CONFIG = 2;

    @Parameters(index = "0", paramLabel = "FILE", description = "The configuration file to check.")
    Path file;

    @Option(names = "--online", description = "Also ask each enabled connector's platform who its credentials are (nothing read or"
            + " stored) and try each Slack webhook (an empty message, which Slack refuses without posting).")
    boolean online;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ConfigCheck check = ConfigLoader.fromEnvironment(Wiring.CHANNELS).check(file);
        List<ConfigException> problems = new ArrayList<>(check.problems());
        Map<String, Connector> built = check.config() == null ? Map.of() : buildConnectors(check.config(), problems);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        problems = distinct(problems);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(p.getMessage()));
            err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + file
                    + ": the daemon would not start with it.");
            return BAD_CONFIG;
        }
        out.println(summary(check.config(), built));
        if (!online) {
            return 0;
        }
        List<OnlineCheck.Result> results = new ArrayList<>();
        built.values().forEach(c -> results.add(OnlineCheck.connector(c)));
        try (OnlineCheck slack = new OnlineCheck()) {
            webhooks(check.config()).forEach((name, url) -> results.add(slack.webhook(name, url)));
        }
        results.forEach(r -> (r.ok() ? out : err).println((r.ok() ? "  ok      " : "  FAILED  ") + r.what() + ": "
                + r.detail()));
        long failed = results.stream().filter(r -> !r.ok()).count();
        if (failed > 0) {
            err.println(failed + " of " + results.size() + " online checks failed.");
            return BAD_CONFIG;
        }
        out.println("All " + results.size() + " online checks passed.");
        return 0;
    }

    /** Each enabled connector built by its platform, which checks its own keys; what it refuses is a problem. */
    private static Map<String, Connector> buildConnectors(EarshotConfig config, List<ConfigException> problems) {
        Map<String, Connector> built = new LinkedHashMap<>();
        for (var each : ConnectorFactory.enabledIn(config, Wiring.CONNECTOR_FACTORIES).entrySet()) {
            ConnectorConfig c = each.getKey();
            if (each.getValue().isEmpty()) {
                problems.add(ConnectorFactory.unknownType(config, c, Wiring.CONNECTOR_FACTORIES));
                continue;
            }
            ConnectorFactory factory = each.getValue().get();
            if (config.brands().stream().noneMatch(b -> b.id().equals(c.brand()))) {
                continue; // the brand's own problem is listed already
            }
            try {
                built.put(c.id(), factory.create(c, config.brand(c.brand())));
            } catch (ConfigException e) {
                problems.add(e);
            }
            problems.addAll(c.settings().unknownKeys());
        }
        return built;
    }

    /** One problem a key: a platform's "is required" after the loader's "needs the environment variable" adds nothing. */
    private static List<ConfigException> distinct(List<ConfigException> problems) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return problems.stream().filter(p -> seen.add(p.file() + "\n" + p.key())).toList();
    }

    private static Map<String, String> webhooks(EarshotConfig config) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (AlertRoute route : config.alerts().routes()) {
            if (!route.webhookUrl().isBlank() && !urls.containsValue(route.webhookUrl())) {
                urls.put("alert route " + route.name(), route.webhookUrl());
            }
        }
        return urls;
    }

    private static String summary(EarshotConfig config, Map<String, Connector> built) {
        StringBuilder b = new StringBuilder(config.file() + " is fine.\n");
        b.append("  brands      ").append(config.brands().stream().map(br -> br.id()).toList()).append('\n');
        List<String> disabled = config.connectors().values().stream().filter(c -> !c.enabled())
                .map(ConnectorConfig::id).toList();
        b.append("  connectors  ").append(built.isEmpty() ? "none enabled" : String.join(", ", built.keySet()));
        if (!disabled.isEmpty()) {
            b.append(" (disabled: ").append(String.join(", ", disabled)).append(')');
        }
        b.append('\n');
        b.append("  alerts      ").append(config.alerts().enabled()
                ? config.alerts().routes().size() + " routes: " + config.alerts().routes().stream().map(AlertRoute::name)
                        .toList() : "off (no routes, no slack.webhookUrl)").append('\n');
        String url = config.storage().jdbcUrl();
        b.append("  database    ").append(url.startsWith("jdbc:postgresql:") ? "PostgreSQL (clustered) " : "H2 ")
                .append(url.replaceAll("(?i)(password=)[^;&]*", "$1…"));
        if (config.storage().retention() != null) {
            b.append("\n  retention   mentions that never became tasks are pruned after ")
                    .append(org.earshot.config.Durations.format(config.storage().retention()));
        }
        return b.toString();
    }
}
