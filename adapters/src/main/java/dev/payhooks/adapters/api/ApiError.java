package dev.payhooks.adapters.api;

/**
 * The body of every error answer of the {@code /api} tree: a stable machine-readable
 * {@code error} code and a human-readable {@code message}.
 */
public record ApiError(String error, String message) {

    public ApiError {
        if (error == null || error.isBlank()) {
            throw new IllegalArgumentException("error code must not be blank");
        }
        message = message == null ? "" : message;
    }

    /** The error code for an HTTP status: {@code 404 → "not_found"}, {@code 413 → "payload_too_large"}. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 410 -> "gone";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "unprocessable_entity";
            case 429 -> "too_many_requests";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }
}
