package org.earshot.reply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Author;
import org.earshot.domain.Channel;
import org.earshot.domain.ReplyRule;
import org.earshot.domain.Warning;

/**
 * The rules every draft and every edit is checked against; each broken rule is one warning a person
 * reads, with its rule's id. A hard warning marks a rule the approval step must enforce: a promise the
 * policy does not allow, an admission of fault its legal rules forbid.
 */
public final class ReplyGuardrails {

    private static final Pattern GREETING = Pattern.compile(
            "^(hi|hello|hey|dear|good (morning|afternoon|evening))\\b[^,\\n]{0,40}[,!]?\\s*", Pattern.CASE_INSENSITIVE);
    private static final List<String> STOCK = List.of("your call is important to us", "your call is very important to us",
            "your business is important to us", "your feedback is important to us", "we value your business");
    private static final Pattern ANY_INCONVENIENCE = Pattern.compile(
            "\\b(we |i )?(apologi[sz]e|are sorry|'re sorry|am sorry|'m sorry|apologies|sorry) for any inconvenience\\b[^.!?]*");
    private static final Pattern OTHER_APOLOGY = Pattern.compile("\\b(sorry|apologi[sz]e|apologies)\\b");
    private static final Pattern DM = Pattern.compile(
            "\\b(dm us|dm me|send us a dm|send me a dm|direct message|private message|message us privately|pm us)\\b");
    private static final Set<String> BARE_ANSWERS = Set.of("yes", "no", "yep", "nope", "yeah", "nah", "sure", "correct");
    private static final List<String> BLAME = List.of("you should have", "your fault", "you failed to", "you didn't read",
            "you did not read", "as we already told you", "as i already told you", "you need to read", "you were supposed to",
            "you forgot", "if you had", "user error", "you must have", "clearly stated", "as stated in", "you ignored",
            "you should've", "it's on you", "you chose to", "read the terms");
    private static final Pattern FORWARD = Pattern.compile("(\\b(will|soon|thank|thanks|happy to|glad|great|look forward"
            + "|looking forward|hope|let me know|let us know|help|enjoy|within|shortly|next|keep you posted|update|here for you"
            + "|welcome|care|appreciate|grateful|wonderful|safe|best)\\b|'ll\\b|\\?)");
    private static final Pattern COMMITMENT = Pattern.compile("\\b(will|shall|going to|promise|promised|guarantee|guaranteed"
            + "|ensure|make sure|here's|here is|we can offer|i can offer|is on its way|are on their way|we're giving"
            + "|we are giving|we're sending|we are sending|(i|we) ?('ve| have) (issued|arranged|added|booked|sent|approved))\\b"
            + "|\\w'll\\b");
    private static final Pattern NO_PROMISE = Pattern.compile("\\b(can't|cannot|can not|unable to|not able to|won't) promise\\b");
    private static final Pattern BUILT_IN_PROMISES = Pattern.compile("\\b(refund(s|ed)?|reimburse\\w*|compensat\\w*|voucher(s)?"
            + "|credit(?! card)|(?<!feel |-)free|discount\\w*|upgrade(s|d)?|replacement|replace|money back|tomorrow|tonight|today"
            + "|(mon|tues|wednes|thurs|fri|satur|sun)day|next (week|month)|end of (the )?(day|week|month)"
            + "|(january|february|march|april|may|june|july|august|september|october|november|december) \\d{1,2}"
            + "|(within|in) \\d+ (business |working )?(minutes?|hours?|days?|weeks?|months?))\\b");
    private static final Pattern FOLLOW_UP = Pattern.compile(
            "\\b(hear back|get back to you|be in touch|follow up|keep you posted|update you|come back to you|get back in touch)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPS_RUN = Pattern.compile("\\b\\p{Lu}{2,}(\\W+\\p{Lu}{2,}){2,}\\b");

    private static final List<String> RUDE = List.of("calm down", "stupid", "idiot", "dumb", "ridiculous", "whatever",
            "not our problem", "your problem", "deal with it", "shut up", "nonsense", "stop complaining", "we don't care",
            "get over it", "don't be silly", "obviously", "lol", "seriously?", "pathetic", "you people", "as if",
            "too bad", "tough luck", "not my problem", "nobody cares");
    private static final Pattern RUDE_WORDS = Pattern.compile("(?<![\\p{L}'])("
            + String.join("|", RUDE.stream().map(Pattern::quote).toList()) + ")(?![\\p{L}])");
    private static final Pattern PUSHY = Pattern.compile("\\b(act now|act fast|hurry|limited time|limited-time|don't miss out"
            + "|do not miss out|before it's too late|last chance|only \\d+ (left|seats? left|remaining)|book now|buy now"
            + "|order now|while (stocks|seats|supplies) last|today only|you won't regret|selling fast|prices? (go|goes|will go) up"
            + "|once in a lifetime|what are you waiting for|don't wait|sign up now|grab (it|yours|one) now)\\b");
    private static final int TYPOS_ALLOWED = 2;

    /**
     * What the rules know about the mention a reply answers.
     *
     * @param author       who wrote it; a reply uses their name when it is known
     * @param problem      the problem in their words ("your lost bag"), empty when none was named
     * @param subjectWords words of which a reply must use one to name the problem
     * @param mention      the mention's words: a word the person used is never a typo
     * @param language     the reply's language (ISO 639-1) whose rules also apply; empty: told from the reply's words
     */
    public record Facts(Author author, String problem, List<String> subjectWords, PhraseText mention, String language) {
        public Facts {
            author = author == null ? new Author("", "", 0) : author;
            problem = problem == null ? "" : problem;
            subjectWords = List.copyOf(subjectWords);
            language = language == null ? "" : language;
        }

        /** Facts for a reply in English, or in the language its words show. */
        public Facts(Author author, String problem, List<String> subjectWords, PhraseText mention) {
            this(author, problem, subjectWords, mention, "");
        }

        Facts inLanguage(String code) {
            return new Facts(author, problem, subjectWords, mention, code);
        }
    }

    private final ReplyPolicy policy;
    private final TypoCheck typos;
    private final Map<String, Pattern> mayNotPromise = new java.util.LinkedHashMap<>();

    private final PromiseMeaning promiseMeaning;

    public ReplyGuardrails(ReplyPolicy policy) {
        this(policy, Meaning.NONE);
    }

    /** With the learned model's embeddings, promises are also compared by meaning with the policy's examples. */
    ReplyGuardrails(ReplyPolicy policy, Meaning meaning) {
        this.policy = policy;
        this.promiseMeaning = new PromiseMeaning(policy, meaning);
        this.typos = new TypoCheck(policy);
        for (String word : policy.mayNotPromise()) {
            String w = word.toLowerCase(Locale.ROOT).strip();
            if (!w.isEmpty()) {
                mayNotPromise.put(w, Pattern.compile("\\b" + Pattern.quote(w) + "\\b"));
            }
        }
    }

    /** A reply that says the team will come back opens a follow-up: someone must keep that promise. */
    public static boolean opensFollowUp(String text) {
        return FOLLOW_UP.matcher(text).find()
                || ReplyLanguage.DRAFTED.stream().anyMatch(code -> ReplyLanguage.of(code).promisesToComeBack(text));
    }

    /** The language whose rules read this reply as well as the English ones. */
    private static ReplyLanguage languageOf(String text, Facts facts) {
        String code = facts.language().isEmpty() ? Languages.guess(text) : facts.language();
        return ReplyLanguage.drafted(code) ? ReplyLanguage.of(code) : ReplyLanguage.english();
    }

    public List<Warning> check(String text, Facts facts, Channel channel) {
        Set<Warning> warnings = new LinkedHashSet<>();
        ReplyLanguage language = languageOf(text, facts);
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        String body = body(text, channel, language, PersonName.of(facts.author()));
        String bodyLower = body.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (text.isBlank()) {
            return List.of(ReplyRule.EMPTY.warning("the reply is empty"));
        }
        promises(bodyLower).forEach(warnings::add);
        admissions(bodyLower).forEach(warnings::add);
        String name = PersonName.of(facts.author());
        if (!name.isEmpty() && !PhraseText.of(lower).has(name.toLowerCase(Locale.ROOT))) {
            warnings.add(ReplyRule.USES_NAME.warning("does not use the person's name (" + name + ")"));
        }
        if (!facts.subjectWords().isEmpty() && !namesSubject(lower, facts.subjectWords())) {
            warnings.add(ReplyRule.NAMES_PROBLEM.warning("does not name the problem (" + (facts.problem().isEmpty()
                    ? String.join(", ", facts.subjectWords()) : facts.problem()) + ")"));
        }
        for (String stock : language.isEnglish() ? STOCK : concat(STOCK, language.stockPhrases())) {
            if (lower.contains(stock)) {
                warnings.add(ReplyRule.STOCK_PHRASE.warning(
                        "stock phrase '" + stock + "': say something specific to this person"));
            }
        }
        Matcher inconvenience = ANY_INCONVENIENCE.matcher(bodyLower);
        if (inconvenience.find() && !OTHER_APOLOGY.matcher(bodyLower.replace(inconvenience.group(), "")).find()) {
            warnings.add(ReplyRule.ANY_INCONVENIENCE.warning(
                    "the only apology is 'sorry for any inconvenience': say what you are sorry about"));
        }
        Matcher dm = DM.matcher(bodyLower);
        if (dm.find() && ReplyBlocks.words(withoutSentence(bodyLower, dm.start())) < 8) {
            warnings.add(ReplyRule.DM_ONLY.warning(
                    "'please DM us' is the whole answer: answer here first, then offer private messages"));
        }
        String[] words = bodyLower.replaceAll("[^\\p{L}\\p{N}' ]", " ").strip().split("\\s+");
        if (words.length <= 4 && (BARE_ANSWERS.contains(words[0]) || language.bareAnswers().contains(words[0]))) {
            warnings.add(ReplyRule.YES_NO.warning("a bare yes/no: add what it means for them and what happens next"));
        }
        Matcher caps = CAPS_RUN.matcher(text);
        if (caps.find()) {
            warnings.add(ReplyRule.CAPITALS.warning("shouts in capitals ('" + caps.group() + "')"));
        }
        Matcher rude = RUDE_WORDS.matcher(bodyLower);
        while (rude.find()) {
            warnings.add(ReplyRule.RUDE.warning("sounds rude ('" + rude.group() + "')"));
        }
        Matcher pushy = PUSHY.matcher(bodyLower);
        if (pushy.find()) {
            warnings.add(ReplyRule.PUSHY.warning(
                    "pushy sales language ('" + pushy.group() + "'): inform and invite, never press"));
        }
        for (String blame : BLAME) {
            if (lower.contains(blame)) {
                warnings.add(ReplyRule.BLAME.warning("blames the customer ('" + blame + "')"));
            }
        }
        List<String> sentences = ReplyBlocks.sentences(body);
        String lastSentence = sentences.isEmpty() ? "" : sentences.get(sentences.size() - 1);
        if (!sentences.isEmpty() && !FORWARD.matcher(lastSentence.toLowerCase(Locale.ROOT)).find()
                && !language.forwardLooking(lastSentence)) {
            warnings.add(ReplyRule.POSITIVE_ENDING.warning("does not end on a positive or forward-looking note"));
        }
        if (channel.mail()) {
            if (!GREETING.matcher(text.strip()).lookingAt() && !language.greets(text)) {
                warnings.add(ReplyRule.MAIL_GREETING.warning("the e-mail has no greeting"));
            }
            if (body.strip().equals(text.strip())) {
                warnings.add(ReplyRule.MAIL_SIGN_OFF.warning("the e-mail has no sign-off"));
            }
        }
        blocks(text, channel, warnings);
        Optional<List<String>> checked = typos.unknownWords(text, facts.mention(), language);
        if (checked.isEmpty()) {
            warnings.add(ReplyRule.LANGUAGE.warning("no " + language.name() + " word list at " + typos.wordListPath(language)
                    + " (install the " + language.wordListPackage() + " package, or set languages: " + language.code()
                    + ": wordList: in the policy): the typo rule is skipped for " + language.name()));
        }
        List<String> unknown = checked.orElse(List.of());
        if (unknown.size() > TYPOS_ALLOWED) {
            warnings.add(ReplyRule.TYPOS.warning("looks mistyped: " + unknown.size() + " unknown words ('"
                    + String.join("', '", unknown) + "'); at most " + TYPOS_ALLOWED + " are tolerated"));
        }
        return new ArrayList<>(warnings);
    }

    /** A word of the problem, or one of its forms ("cancelled" for "cancellation"), somewhere in the reply. */
    private static boolean namesSubject(String reply, List<String> subjectWords) {
        PhraseText words = PhraseText.of(reply);
        for (String w : subjectWords) {
            String stem = w.length() > 5 ? w.substring(0, 5) : w;
            if (w.length() <= 5 ? words.has(w) || words.folded().contains(" " + w) : words.folded().contains(" " + stem)) {
                return true;
            }
        }
        return false;
    }

    /** Admissions of fault or liability, when legal does not allow them. */
    private List<Warning> admissions(String body) {
        if (policy.legal().mayAdmitFault()) {
            return List.of();
        }
        List<Warning> out = new ArrayList<>();
        PhraseText words = PhraseText.of(body);
        for (String phrase : policy.legal().admissions()) {
            if (words.has(phrase)) {
                out.add(ReplyRule.ADMITS_FAULT.warning(
                        "admits fault ('" + phrase + "'), which the policy's legal rules do not allow"));
            }
        }
        return out;
    }

    /** Promises of refunds, compensation, vouchers or dates that no entry of mayPromise covers. */
    private List<Warning> promises(String body) {
        List<Warning> out = new ArrayList<>();
        Set<String> hearBacks = new java.util.HashSet<>();
        hearBacks.add(HearBack.spoken(policy.hearBackWithin()));
        policy.hearBack().values().forEach(d -> hearBacks.add(HearBack.spoken(d)));
        for (String sentence : ReplyBlocks.sentences(body)) {
            if (NO_PROMISE.matcher(sentence).find()) {
                continue;
            }
            int before = out.size();
            if (!COMMITMENT.matcher(sentence).find()) {
                byMeaning(sentence, out);
                continue;
            }
            Set<String> terms = new LinkedHashSet<>();
            Matcher m = BUILT_IN_PROMISES.matcher(sentence);
            while (m.find()) {
                terms.add(m.group());
            }
            for (Map.Entry<String, Pattern> word : mayNotPromise.entrySet()) {
                if (word.getValue().matcher(sentence).find()) {
                    terms.add(word.getKey());
                }
            }
            for (String term : terms) {
                // A time to hear back in is the team's own promise, kept by the follow-up it opens.
                boolean hearBackTime = term.matches("(within|in) .*") && opensFollowUp(sentence);
                boolean allowed = hearBackTime || hearBacks.stream().anyMatch(term::endsWith) || policy.mayPromise().stream()
                        .anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(term));
                if (!allowed) {
                    out.add(ReplyRule.PROMISE_OUTSIDE_POLICY.warning("promises '" + term + "', which the policy does not allow"
                            + (policy.mayPromise().isEmpty() ? "" : " (it allows: " + String.join("; ", policy.mayPromise())
                            + ")")));
                }
            }
            if (out.size() == before) {
                byMeaning(sentence, out);
            }
        }
        return out;
    }

    /** "We'll pay for your taxi": a promise like one of the policy's forbidden examples, and unlike its allowed ones. */
    private void byMeaning(String sentence, List<Warning> out) {
        promiseMeaning.outsidePolicy(sentence).ifPresent(like -> out.add(ReplyRule.PROMISE_OUTSIDE_POLICY.warning(
                "promises something like '" + like + "', which the policy does not allow"
                        + (policy.mayPromise().isEmpty() ? "" : " (it allows: " + String.join("; ", policy.mayPromise()) + ")"))));
    }

    private void blocks(String text, Channel channel, Set<Warning> warnings) {
        List<String> blocks = ReplyBlocks.paragraphs(text, channel);
        int limit = ReplyBlocks.limit(channel);
        for (int i = 0; i < blocks.size(); i++) {
            String block = blocks.get(i);
            String which = blocks.size() == 1 ? "the reply" : "block " + (i + 1);
            int length = ReplyBlocks.length(block);
            if (length > limit) {
                warnings.add(ReplyRule.LENGTH.warning(which + " has " + length + " characters, over the " + limit
                        + " that fit on " + channel.platform().id() + (channel.handleFirst() ? " with the @handle" : "")));
            }
            int words = ReplyBlocks.words(block);
            if (channel.threadsBlocks() && words > ReplyBlocks.MAX_WORDS) {
                warnings.add(ReplyRule.BLOCK_WORDS.warning(which + " has " + words + " words; keep blocks to about "
                        + ReplyBlocks.TARGET_WORDS));
            }
        }
    }

    /** The text without its greeting (English, or the reply's language's) and, for mail, without the sign-off lines. */
    private String body(String text, Channel channel, ReplyLanguage language, String name) {
        String body = text.strip();
        Matcher g = GREETING.matcher(body);
        if (g.lookingAt()) {
            body = body.substring(g.end());
        } else if (!language.isEnglish()) {
            body = body.substring(language.greetingEnd(body, name));
        }
        if (channel.mail()) {
            String[] paragraphs = body.split("\\n\\s*\\n");
            String last = paragraphs[paragraphs.length - 1].strip();
            boolean signOff = paragraphs.length > 1 && last.lines().count() <= 3 && ReplyBlocks.words(last) <= 12
                    && last.lines().findFirst().map(l -> !l.strip().matches(".*[.?]$")).orElse(false);
            if (signOff) {
                body = body.substring(0, body.lastIndexOf(paragraphs[paragraphs.length - 1])).strip();
            }
        }
        return body;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String withoutSentence(String body, int at) {
        int start = Math.max(Math.max(body.lastIndexOf('.', at), body.lastIndexOf('!', at)), body.lastIndexOf('?', at)) + 1;
        int end = body.length();
        for (char c : new char[] {'.', '!', '?'}) {
            int k = body.indexOf(c, at);
            if (k >= 0 && k < end) {
                end = k + 1;
            }
        }
        return body.substring(0, start) + body.substring(end);
    }
}
