package org.earshot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The REST API over real HTTP, as a script would call it: with the queue's token, JSON in and out. */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its status, its body as JSON (null when empty) and the raw response for headers. */
    record Answer(int status, JsonNode json, HttpResponse<String> raw) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A request to {@code path} carrying the token. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + RunningQueue.TOKEN);
    }

    Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response);
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The ids of a task list, in its order. */
    static List<Long> ids(JsonNode tasks) {
        List<Long> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("id").asLong()));
        return ids;
    }
}
