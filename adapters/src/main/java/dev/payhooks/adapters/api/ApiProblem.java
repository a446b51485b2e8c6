package dev.payhooks.adapters.api;

/**
 * A request the API refuses before any domain code runs (malformed or oversized body): its
 * HTTP status and a message for the caller. Plain Java, so request parsing is testable without
 * a JAX-RS runtime.
 */
public class ApiProblem extends RuntimeException {

    private final int status;

    public ApiProblem(int status, String message) {
        super(message);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("an API problem is a client error (4xx), got " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }
}
