package org.earshot.connector.imap;

import org.earshot.config.BrandConfig;
import org.earshot.config.ConnectorConfig;
import org.earshot.connector.Connector;
import org.earshot.connector.ConnectorFactory;
import org.earshot.domain.Channel;
import org.earshot.domain.Platform;

/** Builds a mailbox connector ({@code type: imap}): IMAP to read customer mail, SMTP to answer it. */
public final class ImapConnectorFactory implements ConnectorFactory {
    /** E-mail: one letter with a greeting and a sign-off, answered over SMTP. */
    public static final Channel CHANNEL = Channel.mail(Platform.EMAIL);

    @Override
    public Channel channel() {
        return CHANNEL;
    }

    @Override
    public String type() {
        return "imap";
    }

    @Override
    public Connector create(ConnectorConfig config, BrandConfig brand) {
        ImapSettings settings = ImapSettings.from(config);
        return new Connector(config.id(), Platform.EMAIL, config.brand(), config.schedule(),
                new ImapMentionSource(settings, brand), new SmtpReplyPublisher(settings));
    }
}
