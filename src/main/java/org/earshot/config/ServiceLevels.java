package org.earshot.config;

import java.time.Duration;
import java.util.Map;
import org.earshot.domain.Channel;

/**
 * Service levels per channel. A platform's own entry (by its id) wins; otherwise the platforms their
 * connector declares social use {@code social} and the rest use {@code email}.
 */
public record ServiceLevels(Map<String, ServiceLevel> byChannel) {
    public static final ServiceLevel EMAIL_DEFAULT = new ServiceLevel(Duration.ofHours(12), Duration.ofHours(48));
    public static final ServiceLevel SOCIAL_DEFAULT = new ServiceLevel(Duration.ofHours(1), Duration.ofHours(24));

    public ServiceLevels {
        byChannel = Map.copyOf(byChannel);
    }

    public ServiceLevel forChannel(Channel channel) {
        ServiceLevel own = byChannel.get(channel.platform().id());
        if (own != null) {
            return own;
        }
        return channel.social()
                ? byChannel.getOrDefault("social", SOCIAL_DEFAULT)
                : byChannel.getOrDefault("email", EMAIL_DEFAULT);
    }
}
