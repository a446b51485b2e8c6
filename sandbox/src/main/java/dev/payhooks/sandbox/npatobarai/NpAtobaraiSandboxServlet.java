package dev.payhooks.sandbox.npatobarai;

import dev.payhooks.adapters.api.HubMode;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The NP Atobarai simulator at {@code /sandbox/np-atobarai/v1/…}, served only when
 * {@code payhooks.mode=sandbox}; in production mode every path is 404.
 */
@WebServlet(urlPatterns = "/sandbox/np-atobarai/v1/*")
public class NpAtobaraiSandboxServlet extends HttpServlet {

    private static final int MAX_BODY = 256 * 1024;

    /** One simulator per server: its transactions must outlive a request. */
    private static final NpAtobaraiSimulator SIMULATOR = new NpAtobaraiSimulator();

    @Inject
    HubMode mode;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        if (!mode.sandbox()) {
            response.setStatus(404);
            response.getWriter().write("{\"error\":\"not_found\",\"message\":\"No resource at this path\"}");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            response.setStatus(413);
            response.getWriter().write("{\"error\":\"payload_too_large\",\"message\":\"Request body is too large\"}");
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        NpAtobaraiSimulator.Answer answer = SIMULATOR.handle(request.getMethod(), path, request.getHeader("Authorization"),
            request.getHeader("X-NP-Terminal-Id"), new String(body, StandardCharsets.UTF_8));
        response.setStatus(answer.status());
        response.getWriter().write(answer.body());
    }
}
