package org.earshot.config;

import java.time.Duration;
import java.util.Map;
import org.earshot.domain.Platform;

/**
 * Service levels per channel. A platform's own entry wins; otherwise social platforms use
 * {@code social} and the rest use {@code email}.
 */
public record ServiceLevels(Map<String, ServiceLevel> byChannel) {
    public static final ServiceLevel EMAIL_DEFAULT = new ServiceLevel(Duration.ofHours(12), Duration.ofHours(48));
    public static final ServiceLevel SOCIAL_DEFAULT = new ServiceLevel(Duration.ofHours(1), Duration.ofHours(24));

    public ServiceLevels {
        byChannel = Map.copyOf(byChannel);
    }

    public ServiceLevel forPlatform(Platform platform) {
        ServiceLevel own = byChannel.get(platform.id());
        if (own != null) {
            return own;
        }
        return platform.isSocial()
                ? byChannel.getOrDefault("social", SOCIAL_DEFAULT)
                : byChannel.getOrDefault("email", EMAIL_DEFAULT);
    }
}
