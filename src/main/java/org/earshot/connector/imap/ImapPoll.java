package org.earshot.connector.imap;

import java.util.List;
import org.earshot.connector.PollResult;

/** One poll of a mailbox folder: what the core gets, and what became of each mail read, oldest first. */
record ImapPoll(PollResult result, List<ReadMail> mails) {
    ImapPoll {
        mails = List.copyOf(mails);
    }
}
