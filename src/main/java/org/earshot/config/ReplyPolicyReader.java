package org.earshot.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.earshot.domain.Intent;
import org.earshot.domain.UrgencyLevel;

/** Reads the reply policy (and the answer and catalogue files it names) and checks every key it reads. */
final class ReplyPolicyReader {
    private static final Pattern TEMPLATE_KEY = Pattern.compile("[a-z]+(_[a-z]+)*");

    private ReplyPolicyReader() {
    }

    static ReplyPolicy read(ConfigNode node, Path baseDir, Function<Path, ConfigNode> files) {
        String voice = node.string("brandVoice", "friendly");
        return new ReplyPolicy(voice, node.string("handledBy", "the support team"),
                node.positiveDuration("hearBackWithin", Duration.ofHours(24)), node.stringList("mayPromise"),
                node.stringList("mayNotPromise"), templates(node, voice),
                node.string("signOff", ReplyPolicy.DEFAULT_SIGN_OFF),
                node.string("askWhenUnclear", ReplyPolicy.DEFAULT_ASK_WHEN_UNCLEAR),
                hearBack(node.get("hearBack")),
                node.has("faqFile") ? faq(files.apply(baseDir.resolve(node.requiredString("faqFile")))) : faq(node),
                node.has("catalogueFile") ? catalogue(files.apply(baseDir.resolve(node.requiredString("catalogueFile"))))
                        : catalogue(node),
                legal(node.get("legal")), escalateTo(node.get("escalateTo")), LlmSettings.OFF, languages(node),
                nextSteps(node), promiseExamples(node.get("promiseExamples")));
    }

    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2}");

    /** {@code language} (the team's, default en) and the policy's texts in others under {@code languages}. */
    private static PolicyLanguages languages(ConfigNode node) {
        String team = node.string("language", "en").strip().toLowerCase(java.util.Locale.ROOT);
        if (!LANGUAGE_CODE.matcher(team).matches()) {
            throw node.get("language").error("must be a two-letter ISO 639-1 code like en or es, but was '" + team + "'");
        }
        Map<String, PolicyLanguage> byCode = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : node.get("languages").children().entrySet()) {
            if (!LANGUAGE_CODE.matcher(e.getKey()).matches()) {
                throw e.getValue().error("is not a language: use a two-letter ISO 639-1 code like es or fr");
            }
            ConfigNode l = e.getValue();
            byCode.put(e.getKey(), new PolicyLanguage(l.string("handledBy", ""), l.string("signOff", ""),
                    l.string("askWhenUnclear", ""), templateMap(l.get("templates")), l.string("wordList", "")));
        }
        return new PolicyLanguages(team, byCode);
    }

    private static List<NextStep> nextSteps(ConfigNode node) {
        List<NextStep> out = new ArrayList<>();
        for (ConfigNode s : node.list("nextSteps")) {
            List<String> match = s.stringList("match");
            if (match.isEmpty()) {
                throw s.get("match").error("must list at least one phrase that shows a complaint is of this kind");
            }
            // A step in other languages: how it is named and given, and the phrases that show a complaint in that language is of this kind.
            List<String> allMatch = new ArrayList<>(lower(match));
            Map<String, NextStep.Local> translations = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigNode> t : s.get("translations").children().entrySet()) {
                if (!LANGUAGE_CODE.matcher(t.getKey()).matches()) {
                    throw t.getValue().error("is not a language: use a two-letter ISO 639-1 code like es or fr");
                }
                translations.put(t.getKey(), new NextStep.Local(t.getValue().requiredString("about"),
                        t.getValue().requiredString("step")));
                allMatch.addAll(lower(t.getValue().stringList("match")));
            }
            out.add(new NextStep(s.requiredString("id"), allMatch, s.requiredString("about"), s.requiredString("step"),
                    translations));
        }
        return out;
    }

    private static PromiseExamples promiseExamples(ConfigNode node) {
        return new PromiseExamples(node.stringList("forbidden"), node.stringList("allowed"));
    }

    /** The brand voice's templates from {@code voices}, then the older flat {@code templates} on top. */
    private static Map<String, String> templates(ConfigNode node, String voice) {
        Map<String, String> out = new LinkedHashMap<>();
        ConfigNode voices = node.get("voices");
        if (voices.isPresent()) {
            Map<String, ConfigNode> all = voices.children();
            if (!all.containsKey(voice)) {
                throw node.get("brandVoice").error("must be one of the voices " + all.keySet() + ", but was '" + voice + "'");
            }
            // Every voice is checked, not only the one in use, so switching voices cannot reveal a typo.
            Map<String, Map<String, String>> byVoice = new LinkedHashMap<>();
            all.forEach((name, templates) -> byVoice.put(name, templateMap(templates)));
            out.putAll(byVoice.get(voice));
        }
        out.putAll(templateMap(node.get("templates")));
        return out;
    }

    private static Map<String, String> templateMap(ConfigNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : node.children().entrySet()) {
            String key = e.getKey();
            boolean known = TEMPLATE_KEY.matcher(key).matches() && (key.equals("holding")
                    || Arrays.stream(Intent.values()).anyMatch(i -> key.equals(i.id()) || key.startsWith(i.id() + "_")));
            if (!known) {
                throw e.getValue().error("is not a template name: use an intent (" + intentIds()
                        + "), an intent with a variant (complaint_unclear), or holding");
            }
            out.put(key, node.requiredString(key));
        }
        return out;
    }

    private static Map<String, Duration> hearBack(ConfigNode node) {
        Map<String, Duration> out = new LinkedHashMap<>();
        for (String key : node.children().keySet()) {
            boolean level = Arrays.stream(UrgencyLevel.values()).anyMatch(l -> l.id().equals(key));
            boolean intent = Arrays.stream(Intent.values()).anyMatch(i -> i.id().equals(key));
            if (!level && !intent) {
                throw node.get(key).error("must be an urgency level (low, normal, high, critical) or an intent ("
                        + intentIds() + ")");
            }
            out.put(key, node.positiveDuration(key, null));
        }
        return out;
    }

    private static List<FaqAnswer> faq(ConfigNode file) {
        List<FaqAnswer> out = new ArrayList<>();
        for (ConfigNode a : file.list("faq")) {
            List<String> match = a.stringList("match");
            if (match.isEmpty()) {
                throw a.get("match").error("must list at least one phrase that shows the question is about this answer");
            }
            // An answer in other languages: its text, and the phrases that show a question in that language is about it.
            List<String> allMatch = new ArrayList<>(lower(match));
            Map<String, String> translations = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigNode> t : a.get("translations").children().entrySet()) {
                if (!LANGUAGE_CODE.matcher(t.getKey()).matches()) {
                    throw t.getValue().error("is not a language: use a two-letter ISO 639-1 code like es or fr");
                }
                translations.put(t.getKey(), t.getValue().requiredString("answer"));
                allMatch.addAll(lower(t.getValue().stringList("match")));
            }
            out.add(new FaqAnswer(a.requiredString("id"), allMatch, a.requiredString("answer"), translations));
        }
        return out;
    }

    private static Catalogue catalogue(ConfigNode file) {
        ConfigNode node = file.get("catalogue");
        List<CatalogueItem> items = new ArrayList<>();
        for (ConfigNode i : node.list("items")) {
            boolean offered = i.bool("offered", true);
            String link = i.string("link", "");
            if (offered && link.isBlank()) {
                throw i.get("link").error("is required for an offered item: where can a person see or book it?");
            }
            items.add(new CatalogueItem(i.requiredString("id"), i.requiredString("name"), lower(i.stringList("match")),
                    i.string("pitch", ""), link, offered, i.stringList("nearest")));
        }
        Set<String> ids = new java.util.HashSet<>();
        items.forEach(i -> ids.add(i.id()));
        for (int k = 0; k < items.size(); k++) {
            for (String n : items.get(k).nearest()) {
                if (!ids.contains(n)) {
                    throw node.error("items[" + k + "].nearest: '" + n + "' is not the id of an item, expected one of "
                            + ids);
                }
            }
        }
        return new Catalogue(items, node.string("browseLink", ""));
    }

    private static LegalPolicy legal(ConfigNode node) {
        return new LegalPolicy(node.bool("mayAdmitFault", false), lower(node.stringList("admissions")));
    }

    private static Map<String, String> escalateTo(ConfigNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.children().keySet().forEach(k -> out.put(k, node.requiredString(k)));
        return out;
    }

    static LlmSettings llm(ConfigNode node) {
        if (!node.isPresent() || !node.bool("enabled", false)) {
            node.accepts("baseUrl", "model", "apiKey", "timeout");
            return LlmSettings.OFF;
        }
        URI base = node.baseUrl("baseUrl");
        return new LlmSettings(true, base, node.requiredString("model"), node.string("apiKey", ""),
                node.positiveDuration("timeout", Duration.ofSeconds(20)));
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private static String intentIds() {
        return String.join(", ", Arrays.stream(Intent.values()).map(Intent::id).toList());
    }
}
