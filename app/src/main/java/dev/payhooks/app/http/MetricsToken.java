package dev.payhooks.app.http;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.app.config.Secret;
import jakarta.enterprise.inject.Instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code /metrics} names subscriptions and counts every merchant's deliveries, so it answers only
 * {@code Authorization: Bearer <payhooks.metrics.token>} (compared in constant time). Without the
 * setting the endpoint is off: 404, as for any path that does not exist. A wrong or missing token
 * gets 401. Payara Micro serves its metrics servlet inside the application at the root context (the
 * uber jar), where this filter sees it; a server hosting the WAR at another context root protects
 * its own {@code /metrics}.
 */
public class MetricsToken implements Filter {

    /** Resolved at the first request: a bad setting is reported by the startup check, not by this filter's creation. */
    @Inject
    Instance<PayhooksSettings> settings;

    private volatile Optional<String> token;

    /** 0: let it through; otherwise the status to answer. */
    static int decide(Optional<String> configured, String authorization) {
        if (configured.isEmpty() || configured.get().isBlank()) {
            return 404;
        }
        if (authorization == null || authorization.length() < 8 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return 401;
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        byte[] expected = configured.get().trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, expected) ? 0 : 401;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
            if (token == null) {
                token = settings.get().metrics().token().map(Secret::value);
            }
            int status = decide(token, request.getHeader("Authorization"));
            if (status != 0) {
                response.setStatus(status);
                response.setContentType("application/json");
                if (status == 401) {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"payhooks-metrics\"");
                    response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"/metrics requires Authorization: Bearer <payhooks.metrics.token>\"}");
                } else {
                    response.getWriter().write("{\"error\":\"not_found\",\"message\":\"Not found\"}");
                }
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
