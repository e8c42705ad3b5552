package org.earshot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.earshot.domain.ReplyRule;
import org.earshot.domain.Warning;
import org.junit.jupiter.api.Test;

class WarningsColumnTest {

    @Test
    void warningsAreStoredWithTheirKindRuleAndText() {
        String json = WarningsColumn.write(List.of(ReplyRule.PROMISE_OUTSIDE_POLICY.warning("promises 'refund'"),
                ReplyRule.ESCALATE.warning("legal → the legal team")));
        assertThat(json).isEqualTo("[{\"kind\":\"hard\",\"rule\":\"promise-outside-policy\",\"text\":\"promises 'refund'\"},"
                + "{\"kind\":\"notice\",\"rule\":\"escalate\",\"text\":\"legal → the legal team\"}]");
        assertThat(WarningsColumn.read(json)).containsExactly(ReplyRule.PROMISE_OUTSIDE_POLICY.warning("promises 'refund'"),
                ReplyRule.ESCALATE.warning("legal → the legal team"));
    }

    @Test
    void aRowStoredBeforeWarningsHadKindsIsReadFromItsLines() {
        assertThat(WarningsColumn.read("[\"escalate: legal ('my lawyer') → the legal team\", "
                + "\"hard: promises 'refund', which the policy does not allow\", \"does not use the person's name (Jo)\"]"))
                .containsExactly(
                        new Warning(Warning.Kind.NOTICE, "escalate", "legal ('my lawyer') → the legal team"),
                        new Warning(Warning.Kind.HARD, "promise-outside-policy", "promises 'refund', which the policy does not allow"),
                        new Warning(Warning.Kind.SOFT, "uses-name", "does not use the person's name (Jo)"));
        assertThat(WarningsColumn.read("[]")).isEmpty();
    }
}
