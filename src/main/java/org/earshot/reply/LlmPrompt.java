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
        return system(policy, channel, hearBack, templateDraft, null);
    }

    /**
     * The instructions with what was read from the mention: its problem in the customer's words, its intent,
     * its language, the policy's next step for the kind of problem, and the time left (a late reply
     * promises no fresh time; a read-only channel no "you'll hear back from me").
     *
     * @param hearBack the honest time to hear back in, or null when the service level has run out
     */
    static String system(ReplyPolicy policy, Channel channel, String hearBack, String templateDraft, MentionReading reading) {
        List<String> rules = new ArrayList<>(List.of(base(policy, channel, hearBack, templateDraft).split("\n")));
        if (reading != null) {
            String said = !reading.saidBack().isEmpty() ? reading.saidBack() : reading.problem();
            List<String> read = new ArrayList<>();
            read.add("What was read from the message (use it, do not contradict it):");
            read.add("- intent: " + reading.intent().id());
            read.add("- language: " + reading.language() + " (write the reply in the language the template draft is in)");
            read.add(said.isEmpty() ? "- the problem: not clear from the message; ask one specific question"
                    : "- the problem, in the customer's words turned to 'you': " + said);
            reading.nextStep().ifPresent(f -> read.add("- the policy's next step for this kind of problem (give it as written): "
                    + f.step().step()));
            reading.answer().ifPresent(f -> read.add("- the team's answer to this question (give it as written): "
                    + f.answer().answer()));
            read.add(hearBack == null ? "- time left: the service level has run out; say they will hear back as soon as"
                    + " you can today, and name no number of hours or days"
                    : "- time left: promise to come back within " + hearBack + " at most, never later");
            rules.addAll(rules.size() - 1, read);
        }
        if (channel.readOnly()) {
            rules.add(rules.size() - 1, "This channel cannot carry a reply back to the person: never write 'you'll hear back"
                    + " from me'; invite them to get in touch with the team directly.");
        }
        return String.join("\n", rules);
    }

    private static String base(ReplyPolicy policy, Channel channel, String hearBack, String templateDraft) {
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
        rules.add(hearBack == null ? "When the answer is not known yet, say so and say the person will hear back as soon"
                + " as you can today." : "When the answer is not known yet, say so and say the person will hear back within "
                + hearBack + ".");
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
