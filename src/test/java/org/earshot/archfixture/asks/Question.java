package org.earshot.archfixture.asks;

import org.earshot.archfixture.answers.Answer;

/** Half of a deliberate package cycle, for the test that proves the no-cycles rule sees one. */
public record Question(String text) {
    public Answer answer() {
        return new Answer(this);
    }
}
