package org.earshot.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.earshot.connector.ConnectorException;
import org.junit.jupiter.api.Test;

class SmtpReplyMessageTest {

    @Test
    void messageIdIsTheIdempotencyKeyAtTheSendersDomain() throws Exception {
        assertThat(ReplyMessage.messageId("task-42-0", "support@Acme.Example")).isEqualTo("<task-42-0.earshot@acme.example>");
    }

    @Test
    void messageIdEncodesWhatAMessageIdCannotHold() throws Exception {
        assertThat(ReplyMessage.messageId("task 42:0.\u00fc<", "support@acme.example"))
                .isEqualTo("<task%2042%3A0%2E%C3%BC%3C.earshot@acme.example>");
    }

    @Test
    void aBlockWithoutIdempotencyKeyIsRefusedForGood() {
        assertThatThrownBy(() -> ReplyMessage.messageId(" ", "support@acme.example"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isPermanent()).isTrue());
    }

    @Test
    void subjectGetsOneRe() {
        assertThat(ReplyMessage.subject("Lost bag")).isEqualTo("Re: Lost bag");
    }

    @Test
    void subjectAlreadyMarkedAsReplyInAnyCommonLanguageIsKept() {
        assertThat(ReplyMessage.subject("re: Lost bag")).isEqualTo("re: Lost bag");
        assertThat(ReplyMessage.subject("AW: Koffer verloren")).isEqualTo("AW: Koffer verloren");
        assertThat(ReplyMessage.subject("Re[2]: Lost bag")).isEqualTo("Re[2]: Lost bag");
    }

    @Test
    void subjectStartingWithAWordLikeReturnIsNotTakenForRe() {
        assertThat(ReplyMessage.subject("Return flight")).isEqualTo("Re: Return flight");
    }

    @Test
    void emptySubjectGetsAPlainOne() {
        assertThat(ReplyMessage.subject("  ")).isEqualTo("Re: your message");
    }
}
