package dev.payhooks.app.health;

import dev.payhooks.adapters.api.Jsonp;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health/live} when the hub is the server's root application (the uber jar, the
 * Docker image): the application's {@link Liveness} checks, answered in MicroProfile Health's
 * format (200 {@code {"status":"UP","checks":[…]}}, 503 when a check is DOWN or fails), as
 * Payara's health servlet answers at {@code /health/*}. Load balancers and orchestrators probe
 * liveness often, and Payara's servlet looks the JSON-P provider up several times per request (a
 * {@code ServiceLoader} scan of the application's jars), so a probe there costs about three
 * static 404s; this one uses the provider looked up once ({@link Jsonp#JSON}). The exact path
 * takes precedence over Payara's {@code /health/*}; readiness and {@code /health} stay Payara's.
 */
@WebServlet(urlPatterns = "/health/live")
public class LivenessServlet extends HttpServlet {

    @Inject
    @Any
    Instance<HealthCheck> all;

    private List<HealthCheck> checks;

    @Override
    public void init() {
        checks = all.select(Liveness.Literal.INSTANCE).stream().toList();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean up = true;
        JsonArrayBuilder results = Jsonp.JSON.createArrayBuilder();
        for (HealthCheck check : checks) {
            JsonObjectBuilder result = Jsonp.JSON.createObjectBuilder();
            try {
                HealthCheckResponse answer = check.call();
                boolean checkUp = answer.getStatus() == HealthCheckResponse.Status.UP;
                up &= checkUp;
                result.add("name", answer.getName()).add("status", checkUp ? "UP" : "DOWN");
                answer.getData().filter(data -> !data.isEmpty()).ifPresent(data -> result.add("data", data(data)));
            } catch (RuntimeException failed) {
                up = false;
                result.add("name", check.getClass().getName()).add("status", "DOWN");
            }
            results.add(result);
        }
        byte[] body = Jsonp.JSON.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", results).build()
            .toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static JsonObjectBuilder data(Map<String, Object> data) {
        JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder();
        data.forEach((key, value) -> {
            if (value instanceof Boolean flag) {
                json.add(key, flag);
            } else if (value instanceof Number number) {
                json.add(key, number.longValue());
            } else {
                json.add(key, String.valueOf(value));
            }
        });
        return json;
    }
}
