package org.earshot.config;

/** The Slack incoming webhook for alerts; empty when alerts are off. */
public record SlackConfig(String webhookUrl) {
    public boolean enabled() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }
}
