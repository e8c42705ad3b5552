package org.earshot.archfixture.answers;

/** The other half: it names the question by its full name only, which reading imports would miss. */
public record Answer(org.earshot.archfixture.asks.Question question) {
}
