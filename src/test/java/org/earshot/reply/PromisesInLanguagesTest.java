package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.earshot.config.PromiseExamples;
import org.earshot.config.ReplyPolicy;
import org.junit.jupiter.api.Test;

/**
 * Promises outside the policy in the drafted languages, without the model (the costly-word floor): the
 * team's commitments and the function words are known in Spanish, French, German and Portuguese too, so
 * an example the policy writes in them names its costly word and nothing else.
 */
class PromisesInLanguagesTest {
    private static PromiseMeaning promises(String... forbidden) {
        ReplyPolicy policy = new ReplyPolicy("friendly", "Alex", Duration.ofHours(24), List.of(), List.of(), Map.of())
                .withPromiseExamples(new PromiseExamples(List.of(forbidden), List.of()));
        return new PromiseMeaning(policy, Meaning.NONE);
    }

    @Test
    void aSpanishTaxiPromiseIsOutsideThePolicyAndASpanishLinkIsNot() {
        PromiseMeaning p = promises("le pagaremos el taxi esta noche");
        assertThat(p.outsidePolicy("Le pagaremos un taxi hasta el hotel.")).isPresent();
        assertThat(p.outsidePolicy("Le enviaremos el enlace para cambiar la contraseña.")).isEmpty();
    }

    @Test
    void frenchGermanAndPortugueseCommitmentsAreReadToo() {
        assertThat(promises("nous vous offrirons un hôtel").outsidePolicy("Nous allons réserver un hôtel pour vous."))
                .isPresent();
        assertThat(promises("wir übernehmen die Kosten für das Hotel").outsidePolicy("Wir werden Ihnen ein Hotel buchen."))
                .isPresent();
        assertThat(promises("vamos pagar o hotel esta noite").outsidePolicy("Vamos reservar um hotel para você."))
                .isPresent();
        assertThat(promises("wir übernehmen die Kosten für das Hotel").outsidePolicy("Das Hotel liegt am Bahnhof."))
                .as("no commitment, no promise").isEmpty();
    }
}
