package org.earshot.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WarningTest {

    @Test
    void aHardWarningReadsAsTheHardLineDraftsAlwaysShowed() {
        Warning w = ReplyRule.PROMISE_OUTSIDE_POLICY.warning("promises 'refund', which the policy does not allow");
        assertThat(w.kind()).isEqualTo(Warning.Kind.HARD);
        assertThat(w.rule()).isEqualTo("promise-outside-policy");
        assertThat(w.line()).isEqualTo("hard: promises 'refund', which the policy does not allow");
    }

    @Test
    void aNoticeReadsWithItsRuleFirstAndASoftWarningAsItsText() {
        assertThat(ReplyRule.ANSWER_BY_HAND.warning("feeds are read-only").line())
                .isEqualTo("answer by hand: feeds are read-only");
        assertThat(ReplyRule.ESCALATE.warning("legal ('my lawyer') → the legal team").line())
                .isEqualTo("escalate: legal ('my lawyer') → the legal team");
        assertThat(ReplyRule.YES_NO.warning("a bare yes/no: add what it means").line())
                .isEqualTo("a bare yes/no: add what it means");
    }

    @Test
    void anOldLineIsReadBackWithItsKindAndRule() {
        assertThat(Warning.fromLine("hard: admits fault ('our fault'), which the policy's legal rules do not allow"))
                .isEqualTo(new Warning(Warning.Kind.HARD, "admits-fault",
                        "admits fault ('our fault'), which the policy's legal rules do not allow"));
        assertThat(Warning.fromLine("drafter: written by the LLM (gpt-4o-mini)"))
                .isEqualTo(new Warning(Warning.Kind.NOTICE, "drafter", "written by the LLM (gpt-4o-mini)"));
        assertThat(Warning.fromLine("block 2 has 312 characters, over the 270 that fit on mastodon with the @handle"))
                .returns("length", Warning::rule).returns(Warning.Kind.SOFT, Warning::kind);
        assertThat(Warning.fromLine("the reply has 44 words; keep blocks to about 30")).returns("block-words", Warning::rule);
    }

    @Test
    void anOldLineNoRuleKnowsKeepsItsTextAndItsHardness() {
        assertThat(Warning.fromLine("soft: no name")).isEqualTo(new Warning(Warning.Kind.SOFT, "unknown", "soft: no name"));
        Warning hard = Warning.fromLine("hard: promises the moon");
        assertThat(hard).isEqualTo(new Warning(Warning.Kind.HARD, "unknown", "promises the moon"));
        assertThat(hard.line()).isEqualTo("hard: promises the moon");
    }

    @Test
    void aWarningNeedsAKindARuleAndAText() {
        assertThatThrownBy(() -> new Warning(Warning.Kind.SOFT, " ", "text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a kind, a rule and a text");
    }
}
