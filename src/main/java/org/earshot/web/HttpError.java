package org.earshot.web;

/** A request the API answers with an error status and a message for the person who sent it. */
final class HttpError extends RuntimeException {
    private final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
