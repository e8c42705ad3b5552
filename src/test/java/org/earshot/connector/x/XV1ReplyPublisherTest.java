package org.earshot.connector.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.earshot.connector.x.XFixtures.DANA;
import static org.earshot.connector.x.XFixtures.V1_POST;
import static org.earshot.connector.x.XFixtures.V1_TIMELINE;
import static org.earshot.connector.x.XFixtures.firstBlock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.connector.ReplyPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The v1.1 mode: Twitter4J itself posts to the stubs. */
class XV1ReplyPublisherTest {
    private static final String SORRY = "Sorry about your bag, Dana. We are tracing LHR-88213 now & will write by 18:00.";
    private static final String EARLIER_REPLY = "2123359375979474944";

    @RegisterExtension
    static WireMockExtension x = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("wiremock/x"))
            .build();

    private static ReplyPublisher publisher() {
        return XFixtures.connector(XFixtures.settingsV1(x.baseUrl())).publisher();
    }

    @Test
    void publishSendsOneStatusUpdateInReplyToTheMentionSignedWithOAuth1() throws Exception {
        PostedReply posted = publisher().publish(firstBlock(SORRY));

        assertThat(posted.externalId()).hasSize(19).containsOnlyDigits();
        assertThat(posted.url()).isEqualTo("https://x.com/acmeair/status/" + posted.externalId());
        x.verify(1, postRequestedFor(urlPathEqualTo(V1_POST)));
        x.verify(postRequestedFor(urlPathEqualTo(V1_POST))
                .withFormParam("status", equalTo(SORRY))
                .withFormParam("in_reply_to_status_id", equalTo(DANA))
                .withFormParam("auto_populate_reply_metadata", equalTo("true"))
                .withHeader("Authorization", containing(
                        "oauth_token=\"test-access-token\"")));
    }

    @Test
    void beforePostingItLooksAtTheBrandsTimelineAfterTheMention() throws Exception {
        publisher().publish(firstBlock(SORRY));

        x.verify(getRequestedFor(urlPathEqualTo(V1_TIMELINE)).withQueryParam("screen_name", equalTo("acmeair"))
                .withQueryParam("since_id", equalTo(DANA)).withQueryParam("count", equalTo("200")));
    }

    @Test
    void laterBlocksThreadUnderThePreviousBlock() throws Exception {
        publisher().publish(new ReplyBlock(XFixtures.danasMention(), "We will write again by 18:00.", EARLIER_REPLY,
                1, 2, "task-7-1"));

        x.verify(postRequestedFor(urlPathEqualTo(V1_POST)).withFormParam("in_reply_to_status_id", equalTo(EARLIER_REPLY)));
    }

    @Test
    void aReplyThatIsAlreadyThereIsReturnedInsteadOfPostingACopy() throws Exception {
        x.stubFor(get(urlPathEqualTo(V1_TIMELINE)).atPriority(1).willReturn(timelineWith(EARLIER_REPLY, DANA)));

        PostedReply posted = publisher().publish(firstBlock(SORRY));

        assertThat(posted.externalId()).isEqualTo(EARLIER_REPLY);
        x.verify(0, postRequestedFor(urlPathEqualTo(V1_POST)));
    }

    @Test
    void aPostWhoseAnswerIsLostIsSentOnceEvenByTwitter4JAndTheNextTryFindsIt() throws Exception {
        x.stubFor(post(urlPathEqualTo(V1_POST)).atPriority(1).inScenario("lost answer").whenScenarioStateIs(STARTED)
                .willSetStateTo("posted").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        x.stubFor(get(urlPathEqualTo(V1_TIMELINE)).atPriority(1).inScenario("lost answer").whenScenarioStateIs("posted")
                .willReturn(timelineWith(EARLIER_REPLY, DANA)));
        ReplyPublisher publisher = publisher();

        ConnectorException lost = catchThrowableOfType(ConnectorException.class, () -> publisher.publish(firstBlock(SORRY)));
        PostedReply again = publisher.publish(firstBlock(SORRY));

        assertThat(lost.isPermanent()).isFalse();
        assertThat(lost).hasMessageContaining("not sent again here");
        assertThat(again.externalId()).isEqualTo(EARLIER_REPLY);
        x.verify(1, postRequestedFor(urlPathEqualTo(V1_POST)));
    }

    @Test
    void aServerErrorOnPostIsTransientAndNotRepeated() {
        x.stubFor(post(urlPathEqualTo(V1_POST)).atPriority(1).willReturn(aResponse().withStatus(503)
                .withBody("{\"errors\":[{\"code\":130,\"message\":\"Over capacity\"}]}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> publisher().publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isFalse();
        assertThat(e).hasMessageContaining("HTTP 503").hasMessageContaining("Over capacity");
        x.verify(1, postRequestedFor(urlPathEqualTo(V1_POST)));
    }

    @Test
    void aDuplicateStatusWithoutSuchAReplyFailsForGood() {
        x.stubFor(post(urlPathEqualTo(V1_POST)).atPriority(1).willReturn(aResponse().withStatus(403)
                .withBody("{\"errors\":[{\"code\":187,\"message\":\"Status is a duplicate.\"}]}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> publisher().publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageContaining("as a duplicate of a post @acmeair already made (Status is a duplicate.)");
        x.verify(1, postRequestedFor(urlPathEqualTo(V1_POST)));
    }

    @Test
    void rejectedKeysOnPostArePermanentAndNameTheSettings() {
        x.stubFor(post(urlPathEqualTo(V1_POST)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\":[{\"code\":89,\"message\":\"Invalid or expired token.\"}]}")));

        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> publisher().publish(firstBlock(SORRY)));

        assertThat(e.isPermanent()).isTrue();
        assertThat(e).hasMessageStartingWith("X rejected the OAuth 1.0a keys (401)")
                .hasMessageEndingWith("X said: Invalid or expired token.");
    }

    /** The brand's timeline newest first: an unrelated post, then its reply to {@code inReplyTo}. */
    private static ResponseDefinitionBuilder timelineWith(String id, String inReplyTo) {
        String text = XFixtures.JSON.valueToTree("@dana_okafor " + SORRY.replace("&", "&amp;")).toString();
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8").withBody("""
                [{"created_at":"Thu Nov 19 10:30:00 +0000 2026","id":2123359999999999999,"id_str":"2123359999999999999",
                  "full_text":"Flights to Lisbon from €49 this winter","truncated":false,
                  "entities":{"hashtags":[],"symbols":[],"user_mentions":[],"urls":[]},
                  "in_reply_to_status_id":null,"in_reply_to_status_id_str":null,
                  "user":{"id":1587343816532254720,"id_str":"1587343816532254720","name":"Acme Air","screen_name":"acmeair"},
                  "retweet_count":0,"favorite_count":3,"lang":"en"},
                 {"created_at":"Thu Nov 19 10:15:00 +0000 2026","id":%s,"id_str":"%s","full_text":%s,"truncated":false,
                  "display_text_range":[13,93],
                  "entities":{"hashtags":[],"symbols":[],"user_mentions":[{"screen_name":"dana_okafor","name":"Dana Okafor",
                    "id":1402938475561234433,"id_str":"1402938475561234433","indices":[0,12]}],"urls":[]},
                  "in_reply_to_status_id":%s,"in_reply_to_status_id_str":"%s",
                  "user":{"id":1587343816532254720,"id_str":"1587343816532254720","name":"Acme Air","screen_name":"acmeair"},
                  "retweet_count":0,"favorite_count":0,"lang":"en"}]""".formatted(id, id, text, inReplyTo, inReplyTo));
    }
}
