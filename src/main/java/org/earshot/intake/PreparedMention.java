package org.earshot.intake;

import org.earshot.domain.CustomerHistory;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Mention;
import org.earshot.task.Triage;

/**
 * A new mention of a poll, made ready before the transaction that stores it.
 *
 * @param unsaved    the mention as it will be stored, without its id yet
 * @param history    the person's history as it stood, or null when the mention joins an open conversation
 *                   (it gets no task of its own, so nothing is scored)
 * @param assessment its scores, draft and due time, or null when it joins a conversation
 * @param problem    why it cannot be stored (it goes to quarantine), or null
 */
record PreparedMention(IncomingMention incoming, Mention unsaved, CustomerHistory history,
                       Triage.Assessment assessment, String problem) {

    static PreparedMention lookedUp(IncomingMention incoming, Mention unsaved, CustomerHistory history) {
        return new PreparedMention(incoming, unsaved, history, null, null);
    }

    static PreparedMention refused(IncomingMention incoming, String problem) {
        return new PreparedMention(incoming, null, null, null, problem);
    }

    PreparedMention withAssessment(Triage.Assessment a) {
        return new PreparedMention(incoming, unsaved, history, a, null);
    }
}
