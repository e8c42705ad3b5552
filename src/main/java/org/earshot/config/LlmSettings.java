package org.earshot.config;

import java.net.URI;
import java.time.Duration;

/**
 * An optional LLM that writes first drafts through an OpenAI-compatible chat completions endpoint.
 * Off unless enabled; its drafts pass the same rules as the templates', which remain the fallback.
 *
 * @param baseUrl the API's root, without {@code /v1} ("https://api.openai.com")
 * @param apiKey  sent as a bearer token; from the environment (${OPENAI_API_KEY}), may be empty for local servers
 */
public record LlmSettings(boolean enabled, URI baseUrl, String model, String apiKey, Duration timeout) {
    public static final LlmSettings OFF = new LlmSettings(false, null, "", "", Duration.ofSeconds(20));

    public LlmSettings {
        model = model == null ? "" : model;
        apiKey = apiKey == null ? "" : apiKey;
    }
}
