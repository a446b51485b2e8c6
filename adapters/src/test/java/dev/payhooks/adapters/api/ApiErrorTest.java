package dev.payhooks.adapters.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ApiErrorTest {

    @Test
    void codesNameTheStatus() {
        assertEquals("not_found", ApiError.codeFor(404));
        assertEquals("payload_too_large", ApiError.codeFor(413));
        assertEquals("unsupported_media_type", ApiError.codeFor(415));
        assertEquals("internal_error", ApiError.codeFor(502));
        assertEquals("http_418", ApiError.codeFor(418));
    }

    @Test
    void aCodeIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new ApiError(" ", "x"));
        assertEquals("", new ApiError("bad_request", null).message());
    }
}
