package dev.payhooks.sandbox;

import dev.payhooks.adapters.api.ApiProblem;
import dev.payhooks.adapters.api.HubMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** What the provider simulators share: answering only in sandbox mode, bounded JSON requests, Basic credentials. */
public final class Simulators {

    /** The largest request body a simulator servlet reads. */
    public static final int MAX_BODY = 256 * 1024;

    private Simulators() {
    }

    /** For the JAX-RS simulators: outside sandbox mode every path is 404. */
    public static void requireSandbox(HubMode mode) {
        if (mode.production()) {
            throw new ApiProblem(404, "No resource at this path");
        }
    }

    /**
     * For the servlet simulators: makes the answer JSON and gives the request body as text, or
     * answers 404 outside sandbox mode or 413 for a body over {@link #MAX_BODY} and gives nothing.
     */
    public static Optional<String> body(HubMode mode, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        if (!mode.sandbox()) {
            answer(response, 404, "{\"error\":\"not_found\",\"message\":\"No resource at this path\"}");
            return Optional.empty();
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            answer(response, 413, "{\"error\":\"payload_too_large\",\"message\":\"Request body is too large\"}");
            return Optional.empty();
        }
        return Optional.of(new String(body, StandardCharsets.UTF_8));
    }

    /** Writes a simulator's answer. */
    public static void answer(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.getWriter().write(body);
    }

    /** An HTTP Basic {@code Authorization} header value. */
    public static String basicAuthorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
