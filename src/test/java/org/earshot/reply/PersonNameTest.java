package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.earshot.domain.Author;
import org.junit.jupiter.api.Test;

class PersonNameTest {
    private static String of(String name) {
        return PersonName.of(new Author("h", name, 0));
    }

    @Test
    void theFirstWordOfTheDisplayNameIsTheName() {
        assertThat(of("Maria Lopez")).isEqualTo("Maria");
        assertThat(of("Inês")).isEqualTo("Inês");
    }

    @Test
    void lastCommaFirstGivesTheFirstName() {
        assertThat(of("Becker, Anna")).isEqualTo("Anna");
    }

    @Test
    void strayPunctuationIsDroppedAndAnInitialAloneIsNoName() {
        assertThat(of("Dan!")).isEqualTo("Dan");
        assertThat(of("J.")).isEmpty();
        assertThat(of("🙂")).isEmpty();
        assertThat(of("")).isEmpty();
    }

    @Test
    void aUserNameInPlaceOfADisplayNameIsNoNameToGreetBy() {
        assertThat(of("gate_b12")).isEmpty();
        assertThat(of("x9y2")).isEmpty();
        assertThat(of("Anne-Marie O'Neil")).isEqualTo("Anne-Marie");
    }
}
