package dev.payhooks.app.http;

import dev.payhooks.domain.trace.Correlation;
import dev.payhooks.domain.trace.CorrelationId;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * A correlation id for every request (registered first in web.xml): the caller's
 * {@value #HEADER} when it is a sane token ({@link CorrelationId#parse}), otherwise a fresh one.
 * It is echoed in the answer's {@value #HEADER} and is the thread's current id
 * ({@link Correlation}) while the request is handled, so the notifications it stores, the events
 * it publishes and the hub's log lines carry it.
 */
public class CorrelationIds implements Filter {

    public static final String HEADER = "X-Correlation-Id";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        CorrelationId id = CorrelationId.fromHeaderOrFresh(request.getHeader(HEADER));
        response.setHeader(HEADER, id.value());
        try (Correlation.Unit unit = Correlation.open(Optional.of(id))) {
            chain.doFilter(req, res);
        }
    }
}
