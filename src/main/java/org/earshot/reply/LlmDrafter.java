package org.earshot.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.earshot.config.LlmSettings;
import org.earshot.http.HttpClientFactory;

/**
 * Asks an OpenAI-compatible chat completions endpoint ({@code POST /v1/chat/completions}) for a draft.
 * A 429 waits as long as {@code Retry-After} says (up to {@value #MAX_WAIT_SECONDS} s), a 5xx or a broken
 * connection is tried again, three tries in all; a run of failures opens a circuit breaker so drafting
 * does not wait on a dead endpoint. Asking again is safe: nothing is posted. One Retry and one
 * CircuitBreaker, named "llm", used by nothing else.
 */
final class LlmDrafter implements AutoCloseable {
    static final int MAX_WAIT_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LlmSettings settings;
    private final CloseableHttpClient client;
    private final Retry retry;
    private final CircuitBreaker breaker;

    /** Why the LLM gave no draft: what failed, in words for the person approving. */
    static final class LlmException extends Exception {
        LlmException(String message) {
            super(message);
        }
    }

    private record Reply(int status, String body, Duration retryAfter) {
        boolean retryable() {
            return status == 429 || status >= 500;
        }
    }

    LlmDrafter(LlmSettings settings) {
        this.settings = settings;
        this.client = new HttpClientFactory(Duration.ofSeconds(5), settings.timeout()).create();
        IntervalBiFunction<Object> wait = (attempt, outcome) -> {
            Duration after = outcome.isRight() && outcome.get() instanceof Reply r ? r.retryAfter() : null;
            long base = after != null ? after.toMillis() : 500L << (attempt - 1);
            return Math.min(base, MAX_WAIT_SECONDS * 1000L);
        };
        this.retry = Retry.of("llm", RetryConfig.custom()
                .maxAttempts(3)
                .retryOnResult(r -> r instanceof Reply reply && reply.retryable())
                .retryOnException(e -> e instanceof IOException)
                .intervalBiFunction(wait)
                .failAfterMaxAttempts(false)
                .build());
        this.breaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMinutes(1))
                .recordException(e -> e instanceof IOException)
                .recordResult(r -> r instanceof Reply reply && reply.retryable())
                .build());
    }

    /** The model's reply text for these messages. */
    String complete(String system, String user) throws LlmException {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.model());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        body.put("temperature", 0.3);
        body.put("max_tokens", 500);
        String url = settings.baseUrl() + "/v1/chat/completions";
        Object outcome;
        try {
            outcome = Retry.decorateCheckedSupplier(retry,
                    CircuitBreaker.decorateCheckedSupplier(breaker, () -> (Object) post(url, body.toString()))).get();
        } catch (CallNotPermittedException e) {
            throw new LlmException("the LLM at " + settings.baseUrl() + " failed repeatedly; not asked for a minute");
        } catch (IOException e) {
            throw new LlmException("the LLM at " + url + " could not be reached: " + e.getMessage());
        } catch (Throwable e) {
            throw new LlmException("the LLM call failed: " + e);
        }
        Reply reply = (Reply) outcome;
        if (reply.status() != 200) {
            throw new LlmException("the LLM at " + url + " answered HTTP " + reply.status() + ": " + shorten(reply.body()));
        }
        try {
            JsonNode content = JSON.readTree(reply.body()).at("/choices/0/message/content");
            if (!content.isTextual() || content.asText().isBlank()) {
                throw new LlmException("the LLM's answer has no choices[0].message.content");
            }
            return content.asText().strip();
        } catch (IOException e) {
            throw new LlmException("the LLM's answer is not JSON: " + shorten(reply.body()));
        }
    }

    private Reply post(String url, String json) throws IOException {
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        if (!settings.apiKey().isBlank()) {
            post.setHeader("Authorization", "Bearer " + settings.apiKey());
        }
        return client.execute(post, response -> {
            String text = response.getEntity() == null ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            Header after = response.getFirstHeader("Retry-After");
            Duration wait = null;
            if (after != null && after.getValue().strip().matches("\\d{1,6}")) {
                wait = Duration.ofSeconds(Long.parseLong(after.getValue().strip()));
            }
            return new Reply(response.getCode(), text, wait);
        });
    }

    private static String shorten(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
