package org.earshot.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** A whole HTTP response, read into memory: platform API answers are small. Header names ignore case. */
public record HttpReply(int status, Map<String, List<String>> headers, String body) {
    private static final int SNIPPET_LENGTH = 200;

    public HttpReply {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), HttpReply::concat));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    /** Reads status, headers and body; meant as HttpClient's response handler. */
    public static HttpReply read(ClassicHttpResponse response) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        try {
            String body = response.getEntity() == null ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new HttpReply(response.getCode(), headers, body);
        } catch (ParseException e) {
            throw new IOException("unreadable response body: " + e.getMessage(), e);
        }
    }

    /** All values of a header joined by ", ", as HTTP allows repeated headers to be combined. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isTooManyRequests() {
        return status == 429;
    }

    public boolean isServerError() {
        return status >= 500;
    }

    /** The start of the body on one line, for error messages. */
    public String bodySnippet() {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET_LENGTH ? flat : flat.substring(0, SNIPPET_LENGTH) + "…";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
