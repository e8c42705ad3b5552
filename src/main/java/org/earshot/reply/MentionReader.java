package org.earshot.reply;

import java.util.Optional;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Intent;
import org.earshot.reading.Structure;
import org.earshot.reading.StructureReader;
import org.earshot.scoring.CueKind;
import org.earshot.scoring.MentionAnalysis;
import org.earshot.scoring.MentionAnalyzer;

/**
 * Reads a mention the way the drafter and the rules need it: its intent (corrected where the words
 * say more than the cues), the problem in the person's words, and the preformatted answer or the
 * catalogue item it asks about. Thread-safe.
 */
final class MentionReader {
    /** Problems too general to answer a question about without asking what it is. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("your booking", "your flight", "your account",
            "your ticket", "your reservation", "your trip", "your order", "your question", "the uk", "the us");

    private static final StructureReader STRUCTURE = new StructureReader();
    private final IntentDetector intents = new IntentDetector();
    private final ProblemExtractor problems = new ProblemExtractor();
    private final AnswerFinder answers;
    private final NextStepFinder steps;
    private final Meaning meaning;
    private final ProductFinder products;
    private final MentionAnalyzer analyzer = MentionAnalyzer.standard();

    MentionReader(ReplyPolicy policy) {
        this(policy, Meaning.NONE);
    }

    MentionReader(ReplyPolicy policy, Meaning meaning) {
        this.meaning = meaning;
        this.answers = new AnswerFinder(policy.faq(), meaning);
        this.steps = new NextStepFinder(policy.nextSteps(), meaning);
        this.products = new ProductFinder(policy.catalogue());
    }

    MentionReading read(DraftInput input) {
        String mention = mentionText(input);
        MentionAnalysis analysis = input.reading() != null && input.reading().text().equals(mention)
                ? input.reading().lexicon() : analyzer.analyze(mention);
        IntentDetection detection = ExampleIntent.combine(intents.detect(analysis), input.reading());
        String language = input.language() == null || input.language().isBlank()
                ? Languages.guess(mention) : input.language();
        Structure structure = STRUCTURE.read(mention, language);
        PhraseText text = PhraseText.of(mention);
        Intent intent = detection.intent();
        if (intent == Intent.SPAM && !detection.why().startsWith("abuse") && asksForHelp(analysis, structure)) {
            // "I went to the casino and won the tron bike but it did not deliver... can you guys help": a
            // customer in trouble who uses a spammer's word is still a customer.
            detection = new IntentDetection(Intent.COMPLAINT, "");
            intent = Intent.COMPLAINT;
        }
        if (intent == Intent.PRAISE && asksForHelp(analysis, structure)) {
            // "I have forgotten my password... kindly help. Thanks": the thanks is for help not yet given.
            detection = new IntentDetection(Intent.QUESTION, "");
            intent = Intent.QUESTION;
        }
        if (intent == Intent.SPAM) {
            return new MentionReading(analysis, detection, "", Optional.empty(), Optional.empty(), text, language,
                    structure, "", Optional.empty());
        }
        Optional<float[]> vector = vector(input, mention);
        Optional<AnswerFinder.Found> answer = answers.find(text, vector);
        if (intent == Intent.COMPLAINT && answer.isPresent() && analysis.asksQuestion() && calm(analysis)) {
            // "What's the refund policy if I cancel?" sounds negative to the scorer but asks, calmly: answer it.
            detection = new IntentDetection(Intent.QUESTION, "");
            intent = Intent.QUESTION;
        }
        boolean answerable = intent == Intent.QUESTION || intent == Intent.OTHER || intent == Intent.PURCHASE_INTENT;
        answer = answerable ? answer : Optional.empty();
        Optional<ProductFinder.Found> product = intent == Intent.PURCHASE_INTENT || intent == Intent.QUESTION
                ? products.find(text) : Optional.empty();
        if (product.isPresent() && answer.isPresent()) {
            // Both a frequent question and a product: answer what the person mentions first.
            if (text.find(answer.get().phrase()) < text.find(product.get().phrase())) {
                product = Optional.empty();
            } else {
                answer = Optional.empty();
            }
        }
        if (intent == Intent.PURCHASE_INTENT && answer.isPresent()) {
            // "Can I order a vegan meal?" is answered by the preformatted answer: a question, not a sale.
            detection = new IntentDetection(Intent.QUESTION, "");
            intent = Intent.QUESTION;
        }
        String problem = problems.extract(analysis, intent).orElse("");
        if (detection.why().startsWith("security report")) {
            // Never repeat the details of a hole in public; name it plainly.
            problem = "the security problem you found";
        }
        if (intent == Intent.QUESTION && GENERIC.contains(problem)) {
            problem = "";
        }
        String saidBack = intent == Intent.COMPLAINT || intent == Intent.QUESTION || intent == Intent.OTHER
                || intent == Intent.PRAISE ? SaidBack.of(structure).orElse("") : "";
        if (answer.isPresent() && intent != Intent.OTHER && intent != Intent.PRAISE) {
            // The preformatted answer answers; the reply need not say the trouble back.
            saidBack = "";
        }
        if (!saidBack.isEmpty() && (intent == Intent.OTHER || intent == Intent.PRAISE)) {
            // "I was charge twice", "thanks, but it still doesn't play": a trouble told is a complaint.
            detection = new IntentDetection(Intent.COMPLAINT, "");
            intent = Intent.COMPLAINT;
            answer = Optional.empty();
        }
        if (StrayNoun.stray(problem, structure)) {
            // "from my end", "over my head": a possessive in a turn of phrase names no problem.
            problem = "";
        }
        if (saidBack.isEmpty() && intent == Intent.PRAISE && problem.isEmpty()) {
            // "It's playing the right song now, thanks": glad of what they said went right.
            saidBack = SaidBack.glad(structure).orElse("");
        }
        if (saidBack.isEmpty() && intent == Intent.PRAISE && problem.isEmpty() && WANTS.matcher(mention).find()) {
            // "Thx for reaching out. It would be nice to have ...", "I expect a quick answer": no praise to thank
            // for, only a "thanks" or a kind word beside what they want; say plainly what could not be read.
            detection = new IntentDetection(Intent.OTHER, "");
            intent = Intent.OTHER;
        }
        if (answer.isPresent()) {
            // Only the part that answers: the sentence about instruments for a guitar, not the one about skis.
            // The translations stay whole (the part is cut from the team's text).
            org.earshot.config.FaqAnswer whole = answer.get().answer();
            String part = AnswerPart.of(whole.answer(), text, whole.match(), vector, meaning);
            answer = Optional.of(new AnswerFinder.Found(new org.earshot.config.FaqAnswer(whole.id(), whole.match(), part,
                    whole.translations()), answer.get().phrase()));
        }
        // A mention in another language may read as "other" in English and as a complaint in its own (DraftLanguage):
        // its step is found too, and used only if it is.
        boolean foreign = !"en".equals(language) && intent == Intent.OTHER;
        Optional<NextStepFinder.Found> step = answer.isEmpty() && product.isEmpty()
                && (intent == Intent.COMPLAINT || intent == Intent.QUESTION || foreign) ? steps.find(text, vector) : Optional.empty();
        return new MentionReading(analysis, detection, problem, answer, product, text, language, structure, saidBack, step);
    }

    /** The mention's embedding: the shared reading's when it read this text, else the model's, else none. */
    private Optional<float[]> vector(DraftInput input, String mention) {
        if (!meaning.on()) {
            return Optional.empty();
        }
        if (input.reading() != null && input.reading().text().equals(mention)) {
            Optional<float[]> read = input.reading().embedding().vector().map(Meaning::unit);
            if (read.isPresent()) {
                return read;
            }
        }
        return meaning.read(mention);
    }


    /** What someone wants or lacks, which a thanks beside it does not make praise. */
    private static final java.util.regex.Pattern WANTS = java.util.regex.Pattern.compile(
            "(?i)\\b(should|would be (nice|great|good)|need|needs|expect|please|pls|plz|isn't|isn’t|can't|can’t|cannot"
                    + "|won't|won’t|doesn't|doesn’t|don't|don’t|not|never|why|when will)\\b|\\?");

    private static final java.util.regex.Pattern HELP = java.util.regex.Pattern.compile(
            "(?i)\\b(can|could|would|will) (you|u|someone|anyone|somebody)( guys| please| pls)? (help|assist|fix|sort)"
                    + "|\\b(kindly|please|pls|plz) (help|assist|fix|advise)|\\bhelp me\\b|\\bneed (your |some )?help\\b"
                    + "|\\bhow (do|can|should) i\\b|\\bplease (explain|tell|advise|check|let)\\b|\\bwhere can\\b|\\?");

    /** Whether the mention asks for help ("can you guys help", "kindly help", "how do I ..."). */
    static boolean asksForHelp(MentionAnalysis a, Structure structure) {
        return HELP.matcher(a.tokens().text()).find();
    }

    /** No harm told (money taken, goods lost or damaged, stranded, leaving) and not strongly negative. */
    private static boolean calm(MentionAnalysis a) {
        return a.sentiment().negativity() < 0.5 && !a.has(CueKind.MONEY) && !a.has(CueKind.LOST_GOODS)
                && !a.has(CueKind.STRANDED) && !a.has(CueKind.CHURN) && !IntentDetector.damaged(a);
    }

    static String mentionText(DraftInput input) {
        String text = input.text() == null ? "" : input.text();
        return input.subject() == null || input.subject().isBlank() ? text : input.subject() + "\n" + text;
    }
}
