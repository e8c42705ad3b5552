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
     * Stops at the first problem.
     */
    public EarshotConfig load(Path file) {
        return load(file, ConfigProblems.stopAtFirst(), new ArrayList<>());
    }

    /**
     * Reads the file as {@link #load} does, but to the end: every problem {@code load} could stop at,
     * each once, in file order as far as the readers go. The config has stand-ins where parts were wrong
     * (null when the file itself cannot be read). Connectors' own keys are not checked here: see
     * {@code ConnectorFactory.createChecked}.
     */
    public ConfigCheck check(Path file) {
        ConfigProblems problems = ConfigProblems.collectAll();
        List<FailedPart> failed = new ArrayList<>();
        EarshotConfig config = null;
        try {
            config = load(file, problems, failed);
        } catch (ConfigException unreadable) {
            problems.report(unreadable);
        }
        return new ConfigCheck(config, distinct(problems.found()));
    }

    /** A part of a file that failed to read: the keys after the failure were never asked, so are not unknown. */
    private record FailedPart(Path file, String key) {
        boolean covers(ConfigException e) {
            return e.file().equals(file) && (key.isEmpty() || e.key().equals(key) || e.key().startsWith(key + ".")
                    || e.key().startsWith(key + "["));
        }
    }

    private static List<ConfigException> distinct(List<ConfigException> found) {
        List<ConfigException> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigException e : found) {
            if (seen.add(e.file() + "\n" + e.key())) {
                out.add(e);
            }
        }
        return out;
    }

    private EarshotConfig load(Path file, ConfigProblems problems, List<FailedPart> failed) {
        List<ConfigNode> files = new ArrayList<>();
        Function<Path, ConfigNode> reader = f -> {
            ConfigNode read = read(f, problems);
            files.add(read);
            return read;
        };
        ConfigNode root = reader.apply(file);
        Path baseDir = file.toAbsolutePath().getParent();
        Part part = new Part(file, problems, failed);
        List<BrandConfig> brands = brands(root, part);
        Set<String> brandIds = new HashSet<>();
        brands.forEach(b -> brandIds.add(b.id()));
        WebConfig web = part.read("web", () -> web(root.get("web")), new WebConfig("127.0.0.1", 8080, ""));
        SlackConfig slack = part.read("slack", () -> new SlackConfig(root.get("slack").string("webhookUrl", "")),
                new SlackConfig(""));
        StorageConfig storage = part.read("storage", () -> storage(root.get("storage"), baseDir),
                new StorageConfig("jdbc:h2:mem:unusable", "", ""));
        Map<String, ConnectorConfig> connectors = part.read("connectors",
                () -> connectors(root.get("connectors"), brandIds, brands.isEmpty() ? "" : brands.get(0).id(), part),
                Map.of());
        ServiceLevels serviceLevels = part.read("serviceLevels", () -> serviceLevels(root.get("serviceLevels"), part),
                new ServiceLevels(Map.of()));
        ReplyPolicy policy = part.read("reply", () -> policy(root.get("reply"), baseDir, reader), null);
        AlertsConfig alerts = part.read("alerts",
                () -> AlertsConfigReader.read(root.get("alerts"), slack, web, brandIds, channels), AlertsConfig.off());
        ReadingConfig reading = part.read("languages", () -> reading(root, baseDir),
                new ReadingConfig(ReadingConfig.DEFAULT_LANGUAGES, null));
        AnalysisConfig analysis = part.read("analysis", () -> new AnalysisConfig(root.get("analysis").integer("maxChars",
                AnalysisConfig.DEFAULT.maxChars(), org.earshot.scoring.AnalysedText.MIN_MAX_CHARS, 10_000_000)),
                AnalysisConfig.DEFAULT);
        EarshotConfig config = new EarshotConfig(file, storage, web, brands, connectors, serviceLevels, slack, policy,
                alerts, reading, analysis);
        for (ConfigNode f : files) {
            f.unknownKeys().stream().filter(e -> failed.stream().noneMatch(p -> p.covers(e))).forEach(problems::report);
        }
        return config;
    }

    /** Reads one part of a file; a problem in it is reported (or thrown) and the part marked as failed. */
    private record Part(Path file, ConfigProblems problems, List<FailedPart> failed) {
        <T> T read(String key, java.util.function.Supplier<T> reader, T fallback) {
            try {
                return reader.get();
            } catch (ConfigException e) {
                // A problem in a file read on the way (the policy) leaves the rest of that file unread.
                failed.add(e.file().equals(file) ? new FailedPart(file, key) : new FailedPart(e.file(), ""));
                problems.report(e);
                return fallback;
            }
        }
    }

    /** {@code languages: [en, es]} and {@code intentExamples: file}, both optional. */
    private static ReadingConfig reading(ConfigNode root, Path baseDir) {
        List<String> languages = root.stringList("languages");
        for (int i = 0; i < languages.size(); i++) {
            if (!languages.get(i).strip().toLowerCase(java.util.Locale.ROOT).matches("[a-z]{2,3}")) {
                throw root.get("languages").error("must list ISO 639-1 codes like en or es, but has '"
                        + languages.get(i) + "'");
            }
        }
        String examples = root.string("intentExamples", "");
        Path file = examples.isBlank() ? null : baseDir.resolve(examples).normalize();
        if (file != null && !Files.isRegularFile(file)) {
            throw root.get("intentExamples").error("names " + file + ", which is not a file");
        }
        return new ReadingConfig(languages.isEmpty() ? ReadingConfig.DEFAULT_LANGUAGES : languages, file);
    }

    private ConfigNode read(Path file, ConfigProblems problems) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file, "", "does not exist or is not a file");
        }
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new ConfigException(file, "", "must be a YAML mapping at the top");
            }
            new Variables(file, variables, problems).substitute(tree);
            return new ConfigNode(file, "", tree);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigException(file, "", "is not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file, "", "cannot be read: " + e.getMessage());
        }
    }

    private static StorageConfig storage(ConfigNode node, Path baseDir) {
        Duration retention = node.duration("retention", null);
        if (retention != null && retention.compareTo(Duration.ofDays(1)) < 0) {
            throw node.get("retention").error("must be at least 1d (mentions are pruned once a day), but was '"
                    + Durations.format(retention) + "'");
        }
        return storageAt(node, baseDir).withRetention(retention);
    }

    private static StorageConfig storageAt(ConfigNode node, Path baseDir) {
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

    private static List<BrandConfig> brands(ConfigNode root, Part part) {
        List<ConfigNode> nodes = part.read("brands", () -> {
            List<ConfigNode> listed = root.list("brands");
            if (listed.isEmpty()) {
                throw root.get("brands").error("must list at least one brand");
            }
            return listed;
        }, List.of());
        List<BrandConfig> brands = new ArrayList<>();
        for (ConfigNode b : nodes) {
            BrandConfig brand = part.read(b.key(), () -> brand(b), null);
            if (brand != null) {
                brands.add(brand);
            }
        }
        return brands;
    }

    private static BrandConfig brand(ConfigNode b) {
        String id = b.requiredString("id");
        if (!ID.matcher(id).matches()) {
            throw b.get("id").error("must be lower-case letters, digits, '-' or '_', but was '" + id + "'");
        }
        ConfigNode ex = b.get("exclusions");
        return new BrandConfig(id, b.string("name", id), b.stringList("keywords"), b.stringList("handles"),
                b.stringList("hashtags"), ex.stringList("words"), ex.stringList("authors"),
                b.stringList("ownAccounts"), b.stringList("languages").stream()
                        .map(l -> l.trim().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    private static Map<String, ConnectorConfig> connectors(ConfigNode node, Set<String> brands, String firstBrand,
                                                           Part part) {
        Map<String, ConnectorConfig> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : node.children().entrySet()) {
            ConnectorConfig read = part.read(e.getValue().key(), () -> connector(e.getKey(), e.getValue(), brands,
                    firstBrand), null);
            if (read != null) {
                out.put(read.id(), read);
            }
        }
        return out;
    }

    private static ConnectorConfig connector(String id, ConfigNode c, Set<String> brands, String firstBrand) {
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
        ConnectorConfig read = new ConnectorConfig(id, c.requiredString("type"), brand, c.bool("enabled", true),
                schedule, c, c.duration("expectMentionsWithin", null));
        c.leaveKeysToItsReader();
        return read;
    }

    private ServiceLevels serviceLevels(ConfigNode node, Part part) {
        Map<String, ServiceLevel> levels = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : node.children().entrySet()) {
            ServiceLevel level = part.read(e.getValue().key(), () -> serviceLevel(e), null);
            if (level != null) {
                levels.put(e.getKey(), level);
            }
        }
        return new ServiceLevels(levels);
    }

    private ServiceLevel serviceLevel(Map.Entry<String, ConfigNode> e) {
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
        return level;
    }

    private static ReplyPolicy policy(ConfigNode reply, Path baseDir, Function<Path, ConfigNode> files) {
        if (!reply.has("policyFile")) {
            return ReplyPolicyReader.read(reply, baseDir, files).withLlm(ReplyPolicyReader.llm(reply.get("llm")));
        }
        Path file = baseDir.resolve(reply.requiredString("policyFile")).normalize();
        // Named here so the error points at the key that names the file, not only at the missing file.
        if (!Files.isRegularFile(file)) {
            throw reply.get("policyFile").error("names " + file + ", which is not a file");
        }
        return ReplyPolicyReader.read(files.apply(file), file.toAbsolutePath().getParent(), files)
                .withLlm(ReplyPolicyReader.llm(reply.get("llm")));
    }
}
