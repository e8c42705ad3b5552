package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.earshot.Wiring;
import org.earshot.domain.Author;
import org.earshot.domain.Draft;
import org.earshot.domain.Platform;
import org.junit.jupiter.api.Test;

/**
 * The policy's next step per kind of problem (config/policy.yaml nextSteps), the "couldn't tell" question
 * only when nothing specific was said, and promises outside the policy read beside the keyword rules
 * (the costly-word floor that holds without the learned model).
 */
class NextStepsAndPromisesTest {
    private final ReplyDrafter drafter = new ReplyDrafter(Policies.ACME, Wiring.CHANNELS);
    private final PromiseMeaning promises = new PromiseMeaning(Policies.ACME, Meaning.NONE);

    private Draft draft(String text) {
        return drafter.draft(new DraftInput(Platform.X, new Author("bob", "Bob", 0), text, null, null, null));
    }

    @Test
    void aForgottenPasswordGetsTheResetLink() {
        Draft d = draft("I have forgotten my password and security questions, kindly help. Thanks");
        assertThat(d.text()).as(d.toString()).contains("acmeair.example/reset");
    }

    @Test
    void aCrashingAppGetsTheUpdateAndTheHelpForm() {
        Draft d = draft("@acmeair your app crashes every time I open my boarding pass");
        assertThat(d.text()).as(d.toString()).contains("acmeair.example/app-help");
    }

    @Test
    void aDoubleChargeGetsThePaymentsForm() {
        Draft d = draft("@acmeair I was charged twice for the same flight, please sort it out");
        assertThat(d.text()).as(d.toString()).contains("acmeair.example/payments");
    }

    @Test
    void aBagThatHasNotArrivedGetsTheBaggageSearch() {
        Draft d = draft("@acmeair my bag hasn't arrived and it has been three days");
        assertThat(d.text()).as(d.toString()).contains("acmeair.example/baggage");
    }

    @Test
    void aCancellationGetsManageBooking() {
        Draft d = draft("@acmeair you cancelled my flight to Rome and nobody tells me anything");
        assertThat(d.text()).as(d.toString()).contains("acmeair.example/manage");
    }

    @Test
    void aLockedAccountGetsTheSecurityFormAndAHackedOneGoesToTheSecurityTeam() {
        Draft locked = draft("@acmeair I'm locked out of my account since this morning");
        assertThat(locked.text()).as(locked.toString()).contains("acmeair.example/security");
        Draft hacked = draft("@acmeair my account was hacked and someone changed my email");
        assertThat(hacked.intent()).isEqualTo(org.earshot.domain.Intent.CRISIS);
        assertThat(hacked.text()).as(hacked.toString()).contains("security of your account");
    }

    @Test
    void onlyAComplaintThatSaysNothingSpecificGetsTheClarifyingQuestion() {
        Draft vague = draft("@acmeair this is a disgrace, worst service ever");
        assertThat(vague.text()).as(vague.toString()).contains("line on what went wrong");
        Draft specific = draft("@acmeair I was charged twice for the same flight, please sort it out");
        assertThat(specific.text()).as(specific.toString()).doesNotContain("line on what went wrong");
    }

    @Test
    void aHotelATaxiAndMilesAreFlaggedAsPromisesOutsidePolicy() {
        assertThat(promises.outsidePolicy("We'll arrange a hotel for tonight.")).isPresent();
        assertThat(promises.outsidePolicy("We'll pay for your taxi to the airport.")).isPresent();
        assertThat(promises.outsidePolicy("I'll add 10000 miles to your account.")).isPresent();
    }

    @Test
    void thePromiseThePolicyAllowsAndPlainHelpAreNotFlagged() {
        assertThat(promises.outsidePolicy("We'll replace your damaged bag.")).isEmpty();
        assertThat(promises.outsidePolicy("I'll look into it and get back to you.")).isEmpty();
        assertThat(promises.outsidePolicy("A hotel near the airport is a good idea.")).as("no commitment").isEmpty();
    }

    /**
     * The false-alarm rate on real text not tuned on: the brands' own replies in the IBM customer-care file,
     * which promise nothing outside an airline's policy (most brands are not airlines). Printed as a figure.
     */
    @Test
    void fewRealBrandRepliesAreFlaggedAsPromisesOutsidePolicy() throws IOException {
        Path file = Path.of("../shared/data/complaints/ibm_twitter_customer_care.jsonl");
        assumeTrue(Files.exists(file), "../shared/data/complaints is absent; skipping the false-alarm count");
        ObjectMapper json = new ObjectMapper();
        int replies = 0;
        List<String> flagged = new ArrayList<>();
        for (String raw : Files.readAllLines(file)) {
            JsonNode line = json.readTree(raw);
            String reply = line.path("reply").asText("");
            if (reply.isBlank()) {
                continue;
            }
            replies++;
            for (String sentence : reply.split("(?<=[.!?])\\s+")) {
                if (promises.outsidePolicy(sentence).isPresent()) {
                    flagged.add(line.path("brand").asText() + ": " + sentence);
                    break;
                }
            }
        }
        double rate = (double) flagged.size() / replies;
        System.out.printf("promise guardrail false alarms on real brand replies: %d of %d (%.1f %%)%n%s%n",
                flagged.size(), replies, 100 * rate, String.join("\n", flagged.subList(0, Math.min(30, flagged.size()))));
        assertThat(rate).isLessThan(0.10);
    }
}
