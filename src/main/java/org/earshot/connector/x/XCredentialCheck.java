package org.earshot.connector.x;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.CredentialCheck;
import org.earshot.http.ConnectorResilience;
import org.earshot.http.HttpReply;

/**
 * X's own "who am I" calls. With v2, the user access token (when set) answers {@code GET /2/users/me},
 * and the app's bearer token, which has no user, looks the brand account up by name
 * ({@code GET /2/users/by/username/:name}). With v1.1, the OAuth 1.0a keys answer
 * {@code GET account/verify_credentials.json}. A token of another account than {@code brandAccount} is refused.
 */
abstract sealed class XCredentialCheck implements CredentialCheck {
    final XSettings settings;

    private XCredentialCheck(XSettings settings) {
        this.settings = settings;
    }

    static XCredentialCheck v2(XSettings settings, ConnectorResilience http) {
        return new V2(settings, http);
    }

    static XCredentialCheck v1(XSettings settings, XV1Client client) {
        return new V1(settings, client);
    }

    ConnectorException notTheBrand(String key, String username) {
        return ConnectorException.permanentFailure(settings.key(key) + " belongs to @" + username + ", but "
                + settings.key("brandAccount") + " is @" + settings.brandAccount()
                + "; replies must come from the brand account", null);
    }

    private static final class V2 extends XCredentialCheck {
        private final ConnectorResilience http;

        V2(XSettings settings, ConnectorResilience http) {
            super(settings);
            this.http = http;
        }

        @Override
        public String whoAmI() throws ConnectorException {
            URI lookup = URI.create(settings.baseUrl() + "/2/users/by/username/" + settings.brandAccount());
            String found = username(get(lookup, settings.bearerToken(), "bearerToken"), lookup);
            String answer = "bearerToken reads (found @" + found + ")";
            if (settings.userAccessToken().isEmpty()) {
                return answer + "; no userAccessToken, so replies cannot be posted";
            }
            URI me = URI.create(settings.baseUrl() + "/2/users/me");
            String username = username(get(me, settings.userAccessToken().get(), "userAccessToken"), me);
            if (!username.equalsIgnoreCase(settings.brandAccount())) {
                throw notTheBrand("userAccessToken", username);
            }
            return answer + "; userAccessToken is @" + username;
        }

        private JsonNode get(URI uri, String token, String tokenKey) throws ConnectorException {
            HttpReply reply = http.read(XV2Api.authorized(new HttpGet(uri), token));
            if (!reply.isSuccess()) {
                throw XV2Api.refused(reply, "GET", uri, settings, tokenKey);
            }
            return XV2Api.parse(reply, "GET", uri);
        }

        /** X answers an unknown name with 200 and an {@code errors} list instead of {@code data}. */
        private static String username(JsonNode json, URI uri) throws ConnectorException {
            String username = json.path("data").path("username").asText("");
            if (username.isBlank()) {
                throw ConnectorException.permanentFailure("X answered GET " + uri + " without a user"
                        + XV2Api.errorText(new HttpReply(200, java.util.Map.of(), json.toString())), null);
            }
            return username;
        }
    }

    private static final class V1 extends XCredentialCheck {
        private final XV1Client client;

        V1(XSettings settings, XV1Client client) {
            super(settings);
            this.client = client;
        }

        @Override
        public String whoAmI() throws ConnectorException {
            String username = client.read("GET", "account/verify_credentials.json",
                    twitter -> twitter.v1().users().verifyCredentials()).getScreenName();
            if (!username.equalsIgnoreCase(settings.brandAccount())) {
                throw notTheBrand("accessToken", username);
            }
            return "OAuth 1.0a keys are @" + username;
        }
    }
}
