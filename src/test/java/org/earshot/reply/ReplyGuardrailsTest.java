package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.LegalPolicy;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Platform;
import org.earshot.domain.Warning;
import org.junit.jupiter.api.Test;

class ReplyGuardrailsTest {
    private final ReplyDrafter drafter = new ReplyDrafter(Policies.ACME, Wiring.CHANNELS);
    private final DraftInput maria = new DraftInput(Platform.MASTODON, new Author("maria", "Maria Lopez", 40),
            "You lost my bag", "", null, CustomerHistory.NONE);

    private List<String> check(String text) {
        return check(drafter, text, maria);
    }

    /** The warnings as the lines a person reads ("hard: promises ..."). */
    private static List<String> check(ReplyDrafter drafter, String text, DraftInput input) {
        return drafter.check(text, input).stream().map(Warning::line).toList();
    }

    @Test
    void aGoodReplyPasses() {
        assertThat(check("Hi Maria, I'm sorry about your lost bag. I'm tracing it now and you'll hear back "
                + "from me within 24 hours.")).isEmpty();
    }

    @Test
    void missingNameIsFlagged() {
        assertThat(check("Hi there, I'm sorry about your lost bag. You'll hear back within 24 hours."))
                .contains("does not use the person's name (Maria)");
    }

    @Test
    void stockBrushOffsAreFlagged() {
        assertThat(check("Hi Maria, your call is important to us. We'll look into it soon."))
                .anyMatch(w -> w.startsWith("stock phrase 'your call is important to us'"));
        assertThat(check("Hi Maria, we apologize for any inconvenience. We'll look into it soon."))
                .anyMatch(w -> w.startsWith("the only apology is 'sorry for any inconvenience'"));
        assertThat(check("Hi Maria, please DM us!"))
                .anyMatch(w -> w.startsWith("'please DM us' is the whole answer"));
    }

    @Test
    void anInconveniencePhraseNextToARealApologyIsFine() {
        assertThat(check("Hi Maria, I'm so sorry we lost your bag, and sorry for any inconvenience at the belt. "
                + "You'll hear back within 24 hours.")).isEmpty();
    }

    @Test
    void bareYesOrNoIsFlagged() {
        assertThat(check("Hi Maria, no.")).anyMatch(w -> w.startsWith("a bare yes/no"));
    }

    @Test
    void shoutingIsFlagged() {
        assertThat(check("Hi Maria, PLEASE READ THE EMAIL we sent. We'll help you soon."))
                .contains("shouts in capitals ('PLEASE READ THE EMAIL')");
    }

    @Test
    void blamingTheCustomerIsFlagged() {
        assertThat(check("Hi Maria, you should have labelled your bag. We'll look for it soon."))
                .contains("blames the customer ('you should have')");
    }

    @Test
    void endingOnANegativeNoteIsFlagged() {
        assertThat(check("Hi Maria, we looked. Unfortunately the bag is gone."))
                .contains("does not end on a positive or forward-looking note");
    }

    @Test
    void promiseOutsideThePolicyIsAHardWarning() {
        List<String> warnings = check("Hi Maria, we'll send you a voucher and your bag by tomorrow. Thanks for your patience!");
        assertThat(warnings).filteredOn(w -> w.startsWith("hard: "))
                .anyMatch(w -> w.contains("'voucher'"))
                .anyMatch(w -> w.contains("'by tomorrow'"));
        assertThat(check("Hi Maria, we will compensate you for the trouble. Thanks!"))
                .anyMatch(w -> w.startsWith("hard: promises 'compensate'"));
    }

    @Test
    void eachWarningCarriesItsKindAndItsRulesStableId() {
        List<Warning> warnings = drafter.check("Hi there, no. We'll send you a voucher.", maria);
        assertThat(warnings).contains(new Warning(Warning.Kind.SOFT, "uses-name", "does not use the person's name (Maria)"))
                .anySatisfy(w -> assertThat(w).returns(Warning.Kind.HARD, Warning::kind)
                        .returns("promise-outside-policy", Warning::rule)
                        .satisfies(h -> assertThat(h.text()).startsWith("promises 'voucher', which the policy")));
        assertThat(warnings).extracting(Warning::rule).contains("uses-name", "names-problem");
        assertThat(warnings).filteredOn(Warning::isHard).extracting(Warning::rule).containsOnly("promise-outside-policy");
    }

    @Test
    void everyRulesWarningReadsBackFromTheLineOldRowsStoredIt() {
        DraftInput onX = new DraftInput(Platform.X, new Author("maria", "Maria", 40), "You lost my bag", "", null,
                CustomerHistory.NONE);
        DraftInput mail = new DraftInput(Platform.EMAIL, new Author("m@example.com", "Maria", 0), "?", "", null,
                CustomerHistory.NONE);
        List<Warning> warnings = new java.util.ArrayList<>();
        for (String bad : List.of("", "Hi there, no.", "Hi there, please DM us!", "Hi there, your call is important to us. We apologize for any "
                + "inconvenience. CALM DOWN NOW PLEASE, you should have read the terms. Hurry, book now!",
                "Hi there, your lost bag was our fault; we'll send a voucher. I'm sory, lookng, bakc. It is gone.",
                "Hi there, " + "we are looking into this for you right now and ".repeat(8) + "will be back soon.")) {
            warnings.addAll(drafter.check(bad, onX));
        }
        warnings.addAll(drafter.check("Sorry about your bag.", mail));
        warnings.addAll(drafter.draft(new DraftInput(Platform.RSS, new Author("", "", 0), "Acme lost my bag", "", null,
                CustomerHistory.NONE)).warnings());
        warnings.addAll(drafter.draft(new DraftInput(Platform.X, new Author("b", "Bob", 1), "the engine caught fire", "",
                null, CustomerHistory.NONE)).warnings());

        assertThat(warnings).extracting(Warning::rule).doesNotContain("unknown").contains("empty", "yes-no",
                "stock-phrase", "any-inconvenience", "dm-only", "capitals", "rude", "blame", "pushy", "admits-fault",
                "promise-outside-policy", "typos", "positive-ending", "length", "block-words", "uses-name",
                "names-problem", "mail-greeting", "mail-sign-off", "answer-by-hand", "escalate");
        assertThat(warnings).allSatisfy(w -> assertThat(Warning.fromLine(w.line())).isEqualTo(w));
    }

    @Test
    void promiseCoveredByThePolicyIsAllowed() {
        assertThat(check("Hi Maria, you'll get a refund within 30 days of purchase, and you'll hear back from me "
                + "within 24 hours.")).noneMatch(w -> w.startsWith("hard: "));
    }

    @Test
    void mentioningARefundWithoutPromisingItIsNotAPromise() {
        assertThat(check(new ReplyDrafter(Policies.NO_PROMISES, Wiring.CHANNELS),
                "Hi Maria, I'm sorry your refund is late. I'm looking into it and you'll hear back within 24 hours.", maria))
                .noneMatch(w -> w.startsWith("hard: "));
        assertThat(check(new ReplyDrafter(Policies.NO_PROMISES, Wiring.CHANNELS), "Hi Maria, we'll refund you today.", maria))
                .anyMatch(w -> w.startsWith("hard: promises 'refund'"));
    }

    @Test
    void blocksOverThePlatformLimitOrTooLongAreFlagged() {
        DraftInput onX = new DraftInput(Platform.X, new Author("maria", "Maria", 40), "?", "", null, CustomerHistory.NONE);
        String longBlock = "Hi Maria, " + "we are looking into this for you right now and ".repeat(8) + "will be back soon.";
        assertThat(check(drafter, longBlock, onX))
                .anyMatch(w -> w.matches("the reply has \\d+ characters, over the 250 that fit on x with the @handle"))
                .anyMatch(w -> w.matches("the reply has \\d+ words; keep blocks to about 30"));
    }

    @Test
    void eachBlankLineSeparatedBlockIsCheckedOnItsOwn() {
        DraftInput onX = new DraftInput(Platform.X, new Author("maria", "Maria", 40), "?", "", null, CustomerHistory.NONE);
        String ok = "Hi Maria, I'm sorry about your lost bag.\n\nI'm tracing it now; you'll hear back within 24 hours.";
        assertThat(check(drafter, ok, onX)).isEmpty();
    }

    @Test
    void mailWithoutGreetingOrSignOffIsFlagged() {
        DraftInput mail = new DraftInput(Platform.EMAIL, new Author("m@example.com", "Maria", 0), "?", "", null,
                CustomerHistory.NONE);
        assertThat(check(drafter, "I'm sorry about your bag, Maria. You'll hear back within 24 hours.", mail))
                .contains("the e-mail has no greeting", "the e-mail has no sign-off");
    }

    @Test
    void hearBackOpensAFollowUp() {
        assertThat(ReplyGuardrails.opensFollowUp("We'll get back to you tomorrow")).isTrue();
        assertThat(ReplyGuardrails.opensFollowUp("You'll hear back from me within 24 hours")).isTrue();
        assertThat(ReplyGuardrails.opensFollowUp("Have a great flight!")).isFalse();
    }

    @Test
    void aReplyThatDoesNotNameTheProblemIsFlagged() {
        assertThat(check("Hi Maria, I'm sorry about that. I'm looking into it and you'll hear back within 24 hours."))
                .contains("does not name the problem (your lost bag)");
        assertThat(check("Hi Maria, I'm sorry we lost your luggage... I mean your bag. You'll hear back within 24 hours."))
                .noneMatch(w -> w.startsWith("does not name the problem"));
    }

    @Test
    void aMentionWithoutASpecificProblemNeedsNoProblemNamed() {
        DraftInput vague = new DraftInput(Platform.X, new Author("q", "Quinn", 1), "hmm", "", null, CustomerHistory.NONE);
        assertThat(check(drafter, "Hi Quinn, thanks for getting in touch. Could you tell me a little more?", vague)).isEmpty();
    }

    @Test
    void usingTheNamePasses() {
        assertThat(check("Hi Maria, I'm sorry about your lost bag. You'll hear back within 24 hours."))
                .noneMatch(w -> w.startsWith("does not use the person's name"));
    }

    @Test
    void dmUsInsideARealAnswerIsFine() {
        assertThat(check("Hi Maria, I'm sorry about your lost bag; I've started a trace. Please DM us your booking "
                + "reference so I can add it, and you'll hear back within 24 hours.")).isEmpty();
    }

    @Test
    void aYesOrNoWithAnExplanationIsFine() {
        assertThat(check("Hi Maria, yes: your lost bag is on its way to the Madrid desk. Thanks for your patience!"))
                .noneMatch(w -> w.startsWith("a bare yes/no"));
    }

    @Test
    void rudeWordsAreFlaggedAndPoliteOnesAreNot() {
        assertThat(check("Hi Maria, calm down, we're looking for your lost bag. You'll hear back within 24 hours."))
                .contains("sounds rude ('calm down')");
        assertThat(check("Hi Maria, this is ridiculous, your lost bag will turn up. Thanks!"))
                .contains("sounds rude ('ridiculous')");
        assertThat(check("Hi Maria, I understand how upsetting your lost bag is. You'll hear back within 24 hours."))
                .noneMatch(w -> w.startsWith("sounds rude"));
    }

    @Test
    void notBlamingTheCustomerPasses() {
        assertThat(check("Hi Maria, the label on your lost bag came off at the transfer; that's on us to sort out. "
                + "You'll hear back within 24 hours.")).noneMatch(w -> w.startsWith("blames the customer"));
    }

    @Test
    void flightNumbersAndShortCodesAreNotShouting() {
        assertThat(check("Hi Maria, your lost bag from AC123 is at the LHR desk in the UK. You'll hear back within "
                + "24 hours.")).noneMatch(w -> w.startsWith("shouts"));
    }

    @Test
    void endingOnAForwardLookingNotePasses() {
        assertThat(check("Hi Maria, we looked for your lost bag. We'll keep searching and update you tomorrow morning."))
                .doesNotContain("does not end on a positive or forward-looking note");
    }

    @Test
    void admittingFaultIsAHardWarningWhereLegalForbidsIt() {
        assertThat(check("Hi Maria, your lost bag was our fault and we accept liability. You'll hear back within 24 hours."))
                .contains("hard: admits fault ('our fault'), which the policy's legal rules do not allow",
                        "hard: admits fault ('we accept liability'), which the policy's legal rules do not allow");
        assertThat(check("Hi Maria, I'm sorry about your lost bag. You'll hear back within 24 hours."))
                .noneMatch(w -> w.contains("admits fault"));
    }

    @Test
    void admittingFaultIsFineWhereThePolicyAllowsIt() {
        ReplyPolicy open = new ReplyPolicy("friendly", "Sam", Duration.ofHours(24), List.of(), List.of(), Map.of(),
                null, null, null, null, null, new LegalPolicy(true, List.of()), null, null);
        assertThat(check(new ReplyDrafter(open, Wiring.CHANNELS), "Hi Maria, your lost bag was our fault. You'll hear back within 24 hours.",
                maria)).noneMatch(w -> w.contains("admits fault"));
    }

    @Test
    void pushySalesLanguageIsFlaggedAndAPlainPitchIsNot() {
        DraftInput lead = new DraftInput(Platform.X, new Author("ana", "Ana", 5), "how much is business class to Tokyo?",
                "", null, CustomerHistory.NONE);
        assertThat(check(drafter, "Hi Ana, Business class has lie-flat seats. Hurry, only 2 seats left, book now!", lead))
                .anyMatch(w -> w.startsWith("pushy sales language ('hurry')"));
        assertThat(check(drafter, "Hi Ana, Business class has lie-flat seats and lounge access; you can see fares at "
                + "acmeair.example/business. Happy to help with any questions!", lead))
                .noneMatch(w -> w.startsWith("pushy"));
    }

    @Test
    void threeMistypedWordsAreFlaggedAndTwoAreTolerated() {
        assertThat(check("Hi Maria, I'm sory about your lost bag. I'm lookng into it and you'll hear bakc within 24 hours."))
                .contains("looks mistyped: 3 unknown words ('sory', 'lookng', 'bakc'); at most 2 are tolerated");
        assertThat(check("Hi Maria, I'm sory about your lost bag. I'm lookng into it and you'll hear back within 24 hours."))
                .noneMatch(w -> w.startsWith("looks mistyped"));
    }

    @Test
    void namesHandlesLinksCodesAndNumbersAreNeverTypos() {
        assertThat(check("Hi Maria, your lost bag (tag AC482913, booking ZX7Q2P) is in Reykjavik with Sigurðsdóttir's "
                + "team; track it at acmeair.example/bags/zx7q2p or ask @acmeair_help. Email bags@acme.example, "
                + "ref #qx12. You'll hear back within 24 hours.")).noneMatch(w -> w.startsWith("looks mistyped"));
    }

    @Test
    void commonMisspellingsAreCaughtAndRicherEverydayWordsAreNot() {
        assertThat(check("Hi Maria, your lost bag is definately with the seperate team and you'll recieve it. "
                + "You'll hear back within 24 hours.")).anyMatch(w -> w.startsWith("looks mistyped: 3 unknown words "
                + "('definately', 'seperate', 'recieve')"));
        assertThat(check("Hi Maria, I understand how frustrating a lost bag is. Please keep receipts for essentials "
                + "like toiletries and clothing; our claims team reviews reimbursement requests individually, and "
                + "distinctive stickers help our supervisor spot it. You'll hear back within 24 hours."))
                .noneMatch(w -> w.startsWith("looks mistyped"));
    }

    @Test
    void wordsThePersonUsedAreNeverTypos() {
        DraftInput slang = new DraftInput(Platform.MASTODON, new Author("m", "Maria", 1),
                "my bag went missing in the kerfuffle at the skybridge, proper shambles", "", null, CustomerHistory.NONE);
        assertThat(check(drafter, "Hi Maria, sorry about your missing bag and the kerfuffle at the skybridge; what a "
                + "shambles. You'll hear back within 24 hours.", slang)).noneMatch(w -> w.startsWith("looks mistyped"));
    }

    @Test
    void aWellWrittenReplyWithEverydayWordsHasNoTypos() {
        assertThat(check("Hi Maria, I'm really sorry your lost bag hasn't turned up yet. Our baggage team in Madrid "
                + "searched the hall this morning and they're now checking flights that left yesterday evening. "
                + "You'll hear back within 24 hours.")).noneMatch(w -> w.startsWith("looks mistyped"));
    }

    @Test
    void aPromisedTimeIsReadBackForTheFollowUp() {
        assertThat(HearBack.promised("Hi Maria, you'll hear back from me within 2 hours.")).contains(Duration.ofHours(2));
        assertThat(HearBack.promised("We'll get back to you within a day.")).contains(Duration.ofDays(1));
        assertThat(HearBack.promised("Your bag arrives within 2 hours. Have a good trip!")).isEmpty();
    }

    @Test
    void aTimeToHearBackInIsTheTeamsOwnPromiseButADeliveryTimeIsNot() {
        assertThat(check("Hi Maria, I'm tracing your lost bag and you'll hear back from me within 2 hours. Thanks!"))
                .noneMatch(w -> w.startsWith("hard: "));
        assertThat(check("Hi Maria, your lost bag will be at your door within 2 hours. Thanks for waiting!"))
                .anyMatch(w -> w.startsWith("hard: promises 'within 2 hours'"));
    }
}
