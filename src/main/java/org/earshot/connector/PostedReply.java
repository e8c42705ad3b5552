package org.earshot.connector;

/** The platform's acknowledgement of a posted block: its id and, where there is one, its URL. */
public record PostedReply(String externalId, String url) {
}
