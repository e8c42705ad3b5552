package org.earshot.connector.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OAuth 1.0a signature of the raw v1.1 search is the one X documents. */
class XV1SignatureTest {
    @Test
    void signsXsDocumentedExampleRequestToTheSignatureXGives() {
        // developer.x.com, "Creating a signature" (OAuth 1.0a), its worked example.
        List<Map.Entry<String, String>> all = List.of(
                Map.entry("status", "Hello Ladies + Gentlemen, a signed OAuth request!"),
                Map.entry("include_entities", "true"),
                Map.entry("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"),
                Map.entry("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"),
                Map.entry("oauth_signature_method", "HMAC-SHA1"),
                Map.entry("oauth_timestamp", "1318622958"),
                Map.entry("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"),
                Map.entry("oauth_version", "1.0"));

        String signature = XV1Signature.signature("POST", "https://api.twitter.com/1.1/statuses/update.json", all,
                "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");

        assertThat(signature).isEqualTo("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
    }

    @Test
    void encodesAsRfc3986Wants() {
        assertThat(XV1Signature.encode("a b+c*d~e!")).isEqualTo("a%20b%2Bc%2Ad~e%21");
    }
}
