package dev.payhooks.sandbox.npatobarai;

import dev.payhooks.adapters.api.HubMode;
import dev.payhooks.sandbox.Simulators;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * The NP Atobarai simulator at {@code /sandbox/np-atobarai/v1/…}, served only when
 * {@code payhooks.mode=sandbox}; in production mode every path is 404.
 */
@WebServlet(urlPatterns = "/sandbox/np-atobarai/v1/*")
public class NpAtobaraiSandboxServlet extends HttpServlet {

    /** One simulator per server: its transactions must outlive a request. */
    private static final NpAtobaraiSimulator SIMULATOR = new NpAtobaraiSimulator();

    @Inject
    HubMode mode;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> body = Simulators.body(mode, request, response);
        if (body.isEmpty()) {
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        NpAtobaraiSimulator.Answer answer = SIMULATOR.handle(request.getMethod(), path, request.getHeader("Authorization"),
            request.getHeader("X-NP-Terminal-Id"), body.get());
        Simulators.answer(response, answer.status(), answer.body());
    }
}
