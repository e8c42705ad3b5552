package org.earshot.connector.x;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/**
 * An OAuth 1.0a (RFC 5849) signed GET with HMAC-SHA1, as X's v1.1 wants and Twitter4J sends: the
 * query parameters and the {@code oauth_*} ones, sorted and percent-encoded, make the base string.
 */
final class XV1Signature {
    private static final SecureRandom RANDOM = new SecureRandom();

    private XV1Signature() {
    }

    static HttpGet get(String url, List<Map.Entry<String, String>> params, XSettings.OAuth1Keys keys) {
        String nonce = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        List<Map.Entry<String, String>> oauth = List.of(
                Map.entry("oauth_consumer_key", keys.consumerKey()), Map.entry("oauth_nonce", nonce),
                Map.entry("oauth_signature_method", "HMAC-SHA1"), Map.entry("oauth_timestamp", timestamp),
                Map.entry("oauth_token", keys.accessToken()), Map.entry("oauth_version", "1.0"));
        List<Map.Entry<String, String>> all = new ArrayList<>(params);
        all.addAll(oauth);
        String signature = signature("GET", url, all, keys.consumerSecret(), keys.accessTokenSecret());
        String header = "OAuth " + oauth.stream().map(e -> e.getKey() + "=\"" + encode(e.getValue()) + "\"")
                .collect(Collectors.joining(", ")) + ", oauth_signature=\"" + encode(signature) + "\"";
        String query = params.stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpGet get = new HttpGet(query.isEmpty() ? url : url + "?" + query);
        get.setHeader("Authorization", header);
        get.setHeader("Accept", "application/json");
        return get;
    }

    /** RFC 5849's HMAC-SHA1 signature of a request with all its parameters (query, body and oauth_*). */
    static String signature(String method, String url, List<Map.Entry<String, String>> all, String consumerSecret,
                            String tokenSecret) {
        String normalized = all.stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).sorted()
                .collect(Collectors.joining("&"));
        String base = method + "&" + encode(url) + "&" + encode(normalized);
        return hmacSha1(encode(consumerSecret) + "&" + encode(tokenSecret), base);
    }

    /** RFC 3986 percent-encoding: everything but letters, digits and {@code -._~}. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String hmacSha1(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA1", e);
        }
    }
}
