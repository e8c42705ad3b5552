package org.earshot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.earshot.domain.Channels;

/** Loads {@code earshot.yaml} (and the reply policy it names) and checks every key it reads. */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    /** Service levels for every social platform, and for every other one; a platform's own id is a channel too. */
    private static final Set<String> CHANNEL_GROUPS = Set.of("social", "email");

    private final Function<String, String> variables;
    private final Channels channels;

    /** @param channels the platforms the installed connectors declare: the names service levels and routes may use */
    public ConfigLoader(Function<String, String> variables, Channels channels) {
        this.variables = variables;
        this.channels = channels;
    }

    public static ConfigLoader fromEnvironment(Channels channels) {
        return new ConfigLoader(System::getenv, channels);
    }

    /**
     * Reads the file and the policy, answer and catalogue files it names, then refuses any key no reader
     * asked for. A connector's own keys are checked when its platform reads them (see {@code Wiring}).
     */
    public EarshotConfig load(Path file) {
        List<ConfigNode> files = new ArrayList<>();
        Function<Path, ConfigNode> reader = f -> {
            ConfigNode read = read(f);
            files.add(read);
            return read;
        };
        ConfigNode root = reader.apply(file);
        Path baseDir = file.toAbsolutePath().getParent();
        List<BrandConfig> brands = brands(root);
        Set<String> brandIds = new HashSet<>();
        brands.forEach(b -> brandIds.add(b.id()));
        WebConfig web = web(root.get("web"));
        SlackConfig slack = new SlackConfig(root.get("slack").string("webhookUrl", ""));
        EarshotConfig config = new EarshotConfig(
                file,
                storage(root.get("storage"), baseDir),
                web,
                brands,
                connectors(root.get("connectors"), brandIds, brands.get(0).id()),
                serviceLevels(root.get("serviceLevels")),
                slack,
                policy(root.get("reply"), baseDir, reader),
                AlertsConfigReader.read(root.get("alerts"), slack, web, brandIds, channels),
                new AnalysisConfig(root.get("analysis").integer("maxChars", AnalysisConfig.DEFAULT.maxChars(),
                        org.earshot.scoring.AnalysedText.MIN_MAX_CHARS, 10_000_000)));
        files.forEach(ConfigNode::requireKnownKeys);
        return config;
    }

    private ConfigNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file, "", "does not exist or is not a file");
        }
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new ConfigException(file, "", "must be a YAML mapping at the top");
            }
            new Variables(file, variables).substitute(tree);
            return new ConfigNode(file, "", tree);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigException(file, "", "is not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file, "", "cannot be read: " + e.getMessage());
        }
    }

    private static StorageConfig storage(ConfigNode node, Path baseDir) {
        String url = node.string("jdbcUrl", "");
        String dir = node.string("dataDir", "../data");
        if (url.isBlank()) {
            Path dataDir = baseDir.resolve(dir).normalize();
            // AUTO_SERVER lets the CLI open the same file while the daemon runs.
            url = "jdbc:h2:file:" + dataDir.resolve("earshot") + ";AUTO_SERVER=TRUE";
            H2ServerBinding.toLoopbackIfAutoServer(url);
            return new StorageConfig(url, node.string("user", "sa"), node.string("password", ""));
        }
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw node.get("jdbcUrl").error("must be a PostgreSQL URL like jdbc:postgresql://db.internal:5432/earshot"
                    + " (or an H2 one starting with jdbc:h2:), but was '" + url + "'");
        }
        H2ServerBinding.toLoopbackIfAutoServer(url);
        return new StorageConfig(url, node.string("user", ""), node.string("password", ""));
    }

    private static WebConfig web(ConfigNode node) {
        return new WebConfig(node.string("host", "127.0.0.1"), node.integer("port", 8080, 0, 65_535),
                node.string("apiToken", ""));
    }

    private static List<BrandConfig> brands(ConfigNode root) {
        List<ConfigNode> nodes = root.list("brands");
        if (nodes.isEmpty()) {
            throw root.get("brands").error("must list at least one brand");
        }
        List<BrandConfig> brands = new ArrayList<>();
        for (ConfigNode b : nodes) {
            String id = b.requiredString("id");
            if (!ID.matcher(id).matches()) {
                throw b.get("id").error("must be lower-case letters, digits, '-' or '_', but was '" + id + "'");
            }
            ConfigNode ex = b.get("exclusions");
            brands.add(new BrandConfig(id, b.string("name", id), b.stringList("keywords"), b.stringList("handles"),
                    b.stringList("hashtags"), ex.stringList("words"), ex.stringList("authors"),
                    b.stringList("ownAccounts"), b.stringList("languages").stream()
                            .map(l -> l.trim().toLowerCase(java.util.Locale.ROOT)).toList()));
        }
        return brands;
    }

    private static Map<String, ConnectorConfig> connectors(ConfigNode node, Set<String> brands, String firstBrand) {
        Map<String, ConnectorConfig> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : node.children().entrySet()) {
            String id = e.getKey();
            ConfigNode c = e.getValue();
            if (!ID.matcher(id).matches()) {
                throw c.error("is not a usable connector name: use lower-case letters, digits, '-' or '_'");
            }
            String brand = c.string("brand", firstBrand);
            if (!brands.contains(brand)) {
                throw c.get("brand").error("must be one of the brands " + brands + ", but was '" + brand + "'");
            }
            Duration schedule = c.duration("schedule", Duration.ofMinutes(1));
            if (schedule.compareTo(Duration.ofSeconds(1)) < 0) {
                throw c.get("schedule").error("must be at least 1s, but was '" + Durations.format(schedule) + "'");
            }
            out.put(id, new ConnectorConfig(id, c.requiredString("type"), brand, c.bool("enabled", true), schedule, c,
                    c.duration("expectMentionsWithin", null)));
            c.leaveKeysToItsReader();
        }
        return out;
    }

    private ServiceLevels serviceLevels(ConfigNode node) {
        Map<String, ServiceLevel> levels = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : node.children().entrySet()) {
            if (!CHANNEL_GROUPS.contains(e.getKey()) && !channels.declares(e.getKey())) {
                List<String> known = new ArrayList<>(List.of("email", "social"));
                known.addAll(channels.ids());
                throw e.getValue().error("is not a channel; use one of " + known);
            }
            ServiceLevel fallback = e.getKey().equals("email") ? ServiceLevels.EMAIL_DEFAULT : ServiceLevels.SOCIAL_DEFAULT;
            ConfigNode c = e.getValue();
            ServiceLevel level = new ServiceLevel(c.duration("firstResponse", fallback.firstResponse()),
                    c.duration("resolution", fallback.resolution()));
            if (level.resolution().compareTo(level.firstResponse()) < 0) {
                throw c.get("resolution").error("must not be shorter than firstResponse ("
                        + Durations.format(level.firstResponse()) + "), but was " + Durations.format(level.resolution()));
            }
            levels.put(e.getKey(), level);
        }
        return new ServiceLevels(levels);
    }

    private static ReplyPolicy policy(ConfigNode reply, Path baseDir, Function<Path, ConfigNode> files) {
        if (!reply.has("policyFile")) {
            return ReplyPolicyReader.read(reply, baseDir, files).withLlm(ReplyPolicyReader.llm(reply.get("llm")));
        }
        Path file = baseDir.resolve(reply.requiredString("policyFile"));
        return ReplyPolicyReader.read(files.apply(file), file.toAbsolutePath().getParent(), files)
                .withLlm(ReplyPolicyReader.llm(reply.get("llm")));
    }
}
