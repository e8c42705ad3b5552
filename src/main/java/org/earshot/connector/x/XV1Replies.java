package org.earshot.connector.x;

import java.util.Optional;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import twitter4j.v1.Paging;
import twitter4j.v1.ResponseList;
import twitter4j.v1.Status;
import twitter4j.v1.StatusUpdate;

/**
 * Replies with X API v1.1 through Twitter4J: {@code POST statuses/update.json} with
 * {@code in_reply_to_status_id} and {@code auto_populate_reply_metadata=true} (X puts the
 * {@code @mentions} of the thread in front, outside the 280 characters). What the brand account
 * already posted is read from its timeline ({@code GET statuses/user_timeline.json}) newer than the
 * post answered.
 */
final class XV1Replies implements XReplies {
    /** v1.1's "Status is a duplicate." */
    static final int DUPLICATE_STATUS = 187;
    private static final int TIMELINE_PAGE = 200;
    private final XSettings settings;
    private final XV1Client client;

    XV1Replies(XSettings settings, XV1Client client) {
        this.settings = settings;
        this.client = client;
    }

    @Override
    public Optional<PostedReply> find(String inReplyToId, String text) throws ConnectorException {
        long answered = XV1Search.id(inReplyToId);
        String wanted = XText.comparable(text);
        Paging paging = Paging.ofSinceId(answered).count(TIMELINE_PAGE);
        for (int i = 0; i < settings.maxPagesPerPoll(); i++) {
            Paging page = paging;
            ResponseList<Status> statuses = client.read("GET", "statuses/user_timeline.json",
                    twitter -> twitter.v1().timelines().getUserTimeline(settings.brandAccount(), page));
            long oldest = Long.MAX_VALUE;
            for (Status status : statuses) {
                if (status.getInReplyToStatusId() == answered && XText.comparable(status.getText()).equals(wanted)) {
                    return Optional.of(reply(status.getId()));
                }
                oldest = Math.min(oldest, status.getId());
            }
            if (statuses.size() < TIMELINE_PAGE) {
                break;
            }
            paging = paging.maxId(oldest - 1);
        }
        return Optional.empty();
    }

    @Override
    public PostedReply post(String text, String inReplyToId) throws ConnectorException, DuplicateContent {
        // No post to answer: a status of the brand account's own.
        StatusUpdate update = inReplyToId == null ? StatusUpdate.of(text)
                : StatusUpdate.of(text).inReplyToStatusId(XV1Search.id(inReplyToId)).autoPopulateReplyMetadata(true);
        XV1Client.Answer<Status> answer = client.write("POST", "statuses/update.json",
                twitter -> twitter.v1().tweets().updateStatus(update));
        if (answer.reply().status() == 403 && XV1Client.errorCode(answer.reply()) == DUPLICATE_STATUS) {
            throw new DuplicateContent(XV2Api.errorText(answer.reply()).replaceFirst("^: ", ""));
        }
        if (!answer.reply().isSuccess()) {
            throw client.refused(answer.reply(), "POST " + client.restBaseUrl() + "statuses/update.json");
        }
        return reply(answer.value().getId());
    }

    private PostedReply reply(long id) {
        return new PostedReply(String.valueOf(id), "https://x.com/" + settings.brandAccount() + "/status/" + id);
    }
}
