package org.earshot.reply;

import java.util.ArrayList;
import java.util.List;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Author;
import org.earshot.domain.Channel;
import org.earshot.domain.Platform;

/**
 * The LLM's instructions, built from the team's policy and what was read from the mention, so the
 * model is told the same rules its draft is then checked against.
 */
final class LlmPrompt {
    private LlmPrompt() {
    }

    /**
     * @param templateDraft the template drafter's reply: the facts and tone the model may improve on
     * @param hearBack      the honest time to hear back in, for this mention
     */
    static String system(ReplyPolicy policy, Channel channel, String hearBack, String templateDraft) {
        List<String> rules = new ArrayList<>();
        rules.add("You write the first draft of a reply from a customer care team; a person approves it before it is sent.");
        rules.add("You are " + policy.handledBy() + ". The brand voice is " + policy.brandVoice() + ".");
        rules.add("Use the person's first name when it is known. Name their specific problem in their words.");
        rules.add("Never use stock phrases ('your call is important to us', 'sorry for any inconvenience' on its own,"
                + " 'please DM us' as the whole answer). Never answer with a bare yes or no.");
        rules.add("Never be rude, never blame the customer, never write in capitals, never press anyone to buy.");
        rules.add("End on a positive or forward-looking note.");
        rules.add("Promise only what the policy allows: " + (policy.mayPromise().isEmpty() ? "nothing"
                : String.join("; ", policy.mayPromise())) + ". Never promise refunds, compensation, vouchers, credits,"
                + " upgrades, replacements or dates beyond that" + (policy.mayNotPromise().isEmpty() ? ""
                : ", nor: " + String.join(", ", policy.mayNotPromise())) + ".");
        if (!policy.legal().mayAdmitFault()) {
            rules.add("Never admit fault or liability (no 'our fault', 'we accept liability').");
        }
        rules.add("When the answer is not known yet, say so and say the person will hear back within " + hearBack + ".");
        rules.add("When the message is unclear, ask one specific question instead of guessing.");
        if (channel.mail()) {
            rules.add("This is an e-mail: start with 'Hi <name>,' and write no sign-off; it is added.");
        } else if (channel.hasLimit()) {
            rules.add("This is a " + channel.platform().id() + " reply: at most " + ReplyBlocks.limit(channel)
                    + " characters per post, sentences of plain words, no hashtags, no emoji.");
        } else {
            rules.add("This is a " + channel.platform().id() + " reply of one message: sentences of plain words,"
                    + " no hashtags, no emoji.");
        }
        rules.add("Reply with the reply's text only.");
        rules.add("A draft from the team's templates, with facts you may use and nothing more: " + templateDraft);
        return String.join("\n", rules);
    }

    static String user(Platform platform, Author author, String mention) {
        String name = PersonName.of(author);
        String who = name.isEmpty() ? "someone whose name is not known" : name;
        return "On " + platform.id() + ", " + who + " wrote:\n" + mention;
    }
}
