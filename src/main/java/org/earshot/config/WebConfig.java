package org.earshot.config;

/**
 * The web queue and REST API.
 *
 * @param apiToken the bearer token the API demands; empty means none is configured (the daemon then
 *                 refuses to start the API, the demo makes one)
 */
public record WebConfig(String host, int port, String apiToken) {
}
