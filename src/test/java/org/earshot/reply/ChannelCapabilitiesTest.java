package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.earshot.config.ServiceLevels;
import org.earshot.domain.Author;
import org.earshot.domain.Channel;
import org.earshot.domain.Channels;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Platform;
import org.earshot.domain.Warning;
import org.junit.jupiter.api.Test;

/**
 * Each way platforms differ is a capability their connector declares, and the drafter, the rules and the
 * service levels follow the declaration, whatever the platform is called. These platforms exist only here.
 */
class ChannelCapabilitiesTest {
    private static final Channel SHORT = Channel.social(Platform.valueOf("shortposts"), 120);
    private static final Channel SHORT_WITH_HANDLE = Channel.social(Platform.valueOf("handles"), 120)
            .repliesStartWithTheHandle();
    private static final Channel LETTERS = Channel.mail(Platform.valueOf("letters"));
    private static final Channel READ_ONLY = Channel.readOnly(Platform.valueOf("noticeboard"));
    private static final String COMPLAINT = "my flight was cancelled and nobody at the airport can tell me when the"
            + " next one leaves, I have been waiting for five hours with my kids";

    private final ReplyDrafter drafter = new ReplyDrafter(Policies.ACME,
            new Channels(List.of(SHORT, SHORT_WITH_HANDLE, LETTERS, READ_ONLY)));

    private static DraftInput on(Channel channel, String text) {
        return new DraftInput(channel.platform(), new Author("maria", "Maria Lopez", 40), text, "", null,
                CustomerHistory.NONE);
    }

    @Test
    void theDeclaredLengthLimitBoundsEveryBlockAndIsChecked() {
        Draft d = drafter.draft(on(SHORT, COMPLAINT));
        assertThat(d.blocks()).hasSizeGreaterThan(1).allSatisfy(b -> assertThat(b.length()).isLessThanOrEqualTo(120));

        String tooLong = "Hi Maria, I'm sorry about your cancelled flight; " + "I am looking into it right now. ".repeat(3)
                + "You'll hear back within 1 hour.";
        assertThat(drafter.check(tooLong, on(SHORT, COMPLAINT))).filteredOn(w -> w.rule().equals("length"))
                .extracting(Warning::text).singleElement().asString().endsWith("over the 120 that fit on shortposts");
    }

    @Test
    void aPlatformThatPutsTheHandleFirstLeavesRoomForItInEachBlock() {
        assertThat(ReplyBlocks.limit(SHORT)).isEqualTo(120);
        assertThat(ReplyBlocks.limit(SHORT_WITH_HANDLE)).isEqualTo(120 - ReplyBlocks.HANDLE_ROOM);
        assertThat(drafter.draft(on(SHORT_WITH_HANDLE, COMPLAINT)).blocks())
                .allSatisfy(b -> assertThat(b.length()).isLessThanOrEqualTo(90));
        String block = "Hi Maria, I'm sorry about your cancelled flight. I'm on it and you'll hear back within 1 hour!";
        assertThat(drafter.check(block, on(SHORT_WITH_HANDLE, COMPLAINT))).extracting(Warning::text)
                .anyMatch(t -> t.endsWith("that fit on handles with the @handle"));
        assertThat(drafter.check(block, on(SHORT, COMPLAINT))).noneMatch(w -> w.rule().equals("length"));
    }

    @Test
    void mailGetsOneLetterWithAGreetingAndASignOffAndIsCheckedForBoth() {
        Draft d = drafter.draft(on(LETTERS, COMPLAINT));
        assertThat(d.blocks()).containsExactly(d.text());
        assertThat(d.text()).startsWith("Hi Maria,\n\n").contains(Policies.ACME.signOff());
        assertThat(drafter.check("I'm sorry, Maria. You'll hear back within 1 hour.", on(LETTERS, COMPLAINT)))
                .extracting(Warning::rule).contains("mail-greeting", "mail-sign-off");
        assertThat(drafter.check("I'm sorry, Maria. You'll hear back within 1 hour.", on(SHORT, COMPLAINT)))
                .extracting(Warning::rule).doesNotContain("mail-greeting", "mail-sign-off");
    }

    @Test
    void aReadOnlyPlatformsDraftIsOneSuggestionToPostByHand() {
        Draft d = drafter.draft(on(READ_ONLY, COMPLAINT));
        assertThat(d.blocks()).containsExactly(d.text());
        assertThat(d.warnings()).filteredOn(w -> w.rule().equals("answer-by-hand")).singleElement()
                .satisfies(w -> assertThat(w.text()).startsWith("noticeboard is read-only"));
        assertThat(drafter.draft(on(SHORT, COMPLAINT)).warnings()).noneMatch(w -> w.rule().equals("answer-by-hand"));
    }

    @Test
    void socialPlatformsGetTheSocialServiceLevelAndTheRestMails() {
        ServiceLevels defaults = new ServiceLevels(java.util.Map.of());
        assertThat(defaults.forChannel(SHORT)).isEqualTo(ServiceLevels.SOCIAL_DEFAULT);
        assertThat(defaults.forChannel(LETTERS)).isEqualTo(ServiceLevels.EMAIL_DEFAULT);
        assertThat(defaults.forChannel(READ_ONLY)).isEqualTo(ServiceLevels.EMAIL_DEFAULT);
    }

    @Test
    void aPlatformNoConnectorDeclaresGetsOnePlainMessage() {
        Draft d = drafter.draft(new DraftInput(Platform.valueOf("gone"), new Author("maria", "Maria Lopez", 40), COMPLAINT,
                "", null, CustomerHistory.NONE));
        assertThat(d.blocks()).containsExactly(d.text());
        assertThat(d.text()).startsWith("Hi Maria");
    }
}
