package org.earshot.http;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpHeaders;

/** Requests to JSON APIs that take a bearer token (X's v2 API, Bluesky's XRPC). */
public final class JsonRequests {
    private JsonRequests() {
    }

    /** The request with the token and asking for JSON. */
    public static <R extends ClassicHttpRequest> R withBearer(R request, String token) {
        request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        return request;
    }
}
