package org.earshot.web;

import com.sun.net.httpserver.HttpExchange;
import java.util.LinkedHashMap;
import java.util.Map;
import org.earshot.domain.Role;

/**
 * Who sent a request, as its credentials prove: a signed-in browser (which must also send its CSRF
 * token with every change), a person's API token, or the configured service token (an admin for
 * scripts, which may name who it acts for).
 *
 * @param csrfToken the session's CSRF token; null unless {@code via} is {@link Via#SESSION}
 */
record Caller(String name, Role role, Via via, String csrfToken) {
    static final String ATTRIBUTE = "earshot.caller";
    /** The service token's name in the audit log when the request names nobody. */
    static final String SERVICE = "service";

    enum Via { SESSION, TOKEN, SERVICE_TOKEN }

    static Caller service() {
        return new Caller(SERVICE, Role.ADMIN, Via.SERVICE_TOKEN, null);
    }

    /** The caller {@link TaskApi} found for this request. */
    static Caller of(HttpExchange exchange) {
        Caller caller = (Caller) exchange.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no caller on " + exchange.getRequestURI() + ": it was not authenticated");
        }
        return caller;
    }

    /** What the page may offer this caller, so it hides what the server would refuse. */
    Map<String, Boolean> can() {
        Map<String, Boolean> can = new LinkedHashMap<>();
        can.put("read", true);
        can.put("edit", role.includes(Role.RESPONDER));
        can.put("approve", role.includes(Role.APPROVER));
        can.put("override", role.includes(Role.ADMIN));
        can.put("administer", role.includes(Role.ADMIN));
        return can;
    }

    /** The refusal when this caller's role does not reach {@code needed} for {@code what}. */
    HttpError refused(Role needed, String what) {
        return new HttpError(403, what + " needs the " + needed.id() + " role, but '" + name + "' is " + ("aeiou".indexOf(role.id().charAt(0)) >= 0 ? "an " : "a ") + role.id()
                + " (" + role.can() + ")");
    }
}
