package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Platform;
import org.junit.jupiter.api.Test;

class ReplyGuardrailsTest {
    private final ReplyDrafter drafter = new ReplyDrafter(Policies.ACME);
    private final DraftInput maria = new DraftInput(Platform.MASTODON, new Author("maria", "Maria Lopez", 40),
            "You lost my bag", "", null, CustomerHistory.NONE);

    private List<String> check(String text) {
        return drafter.check(text, maria);
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
        assertThat(warnings).filteredOn(w -> w.startsWith(ReplyGuardrails.HARD))
                .anyMatch(w -> w.contains("'voucher'"))
                .anyMatch(w -> w.contains("'by tomorrow'"));
        assertThat(check("Hi Maria, we will compensate you for the trouble. Thanks!"))
                .anyMatch(w -> w.startsWith("hard: promises 'compensate'"));
    }

    @Test
    void promiseCoveredByThePolicyIsAllowed() {
        assertThat(check("Hi Maria, you'll get a refund within 30 days of purchase, and you'll hear back from me "
                + "within 24 hours.")).noneMatch(w -> w.startsWith(ReplyGuardrails.HARD));
    }

    @Test
    void mentioningARefundWithoutPromisingItIsNotAPromise() {
        assertThat(new ReplyDrafter(Policies.NO_PROMISES).check(
                "Hi Maria, I'm sorry your refund is late. I'm looking into it and you'll hear back within 24 hours.", maria))
                .noneMatch(w -> w.startsWith(ReplyGuardrails.HARD));
        assertThat(new ReplyDrafter(Policies.NO_PROMISES).check("Hi Maria, we'll refund you today.", maria))
                .anyMatch(w -> w.startsWith("hard: promises 'refund'"));
    }

    @Test
    void blocksOverThePlatformLimitOrTooLongAreFlagged() {
        DraftInput onX = new DraftInput(Platform.X, new Author("maria", "Maria", 40), "?", "", null, CustomerHistory.NONE);
        String longBlock = "Hi Maria, " + "we are looking into this for you right now and ".repeat(8) + "will be back soon.";
        assertThat(drafter.check(longBlock, onX))
                .anyMatch(w -> w.matches("the reply has \\d+ characters, over the 250 that fit on x with the @handle"))
                .anyMatch(w -> w.matches("the reply has \\d+ words; keep blocks to about 30"));
    }

    @Test
    void eachBlankLineSeparatedBlockIsCheckedOnItsOwn() {
        DraftInput onX = new DraftInput(Platform.X, new Author("maria", "Maria", 40), "?", "", null, CustomerHistory.NONE);
        String ok = "Hi Maria, I'm sorry about your lost bag.\n\nI'm tracing it now; you'll hear back within 24 hours.";
        assertThat(drafter.check(ok, onX)).isEmpty();
    }

    @Test
    void mailWithoutGreetingOrSignOffIsFlagged() {
        DraftInput mail = new DraftInput(Platform.EMAIL, new Author("m@example.com", "Maria", 0), "?", "", null,
                CustomerHistory.NONE);
        assertThat(drafter.check("I'm sorry about your bag, Maria. You'll hear back within 24 hours.", mail))
                .contains("the e-mail has no greeting", "the e-mail has no sign-off");
    }

    @Test
    void hearBackOpensAFollowUp() {
        assertThat(ReplyGuardrails.opensFollowUp("We'll get back to you tomorrow")).isTrue();
        assertThat(ReplyGuardrails.opensFollowUp("You'll hear back from me within 24 hours")).isTrue();
        assertThat(ReplyGuardrails.opensFollowUp("Have a great flight!")).isFalse();
    }
}
