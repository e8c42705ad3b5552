package org.earshot.connector;

import java.time.Clock;
import org.earshot.domain.Channel;

/** A factory's fixed parts: its {@code type:} value, the channel it declares, and the clock its connectors read. */
public abstract class PlatformConnectorFactory implements ConnectorFactory {
    private final String type;
    private final Channel channel;
    protected final Clock clock;

    protected PlatformConnectorFactory(String type, Channel channel, Clock clock) {
        this.type = type;
        this.channel = channel;
        this.clock = clock;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final Channel channel() {
        return channel;
    }
}
