package dev.payhooks.app.http;

import dev.payhooks.admin.security.ScriptNonce;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Security headers on every response of the application (registered right after the correlation id in web.xml):
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer},
 * {@code X-Frame-Options: DENY} and a Content-Security-Policy with {@code frame-ancestors 'none'};
 * {@code Strict-Transport-Security} only on a request that came over TLS (a plain-HTTP answer
 * cannot set it, and a proxy terminating TLS sets its own).
 *
 * <p>The API and everything else that is no page answer under {@code default-src 'none'}. The
 * admin UI (Vaadin) gets a policy it works under: scripts from this origin and inline scripts
 * with this request's nonce only ({@link ScriptNonce} puts it on the bootstrap page's scripts),
 * {@code 'unsafe-eval'} because Vaadin runs the server's {@code executeJs} calls through
 * {@code new Function}, inline styles (Vaadin's components set them), images and fonts from this
 * origin and {@code data:} (the second-factor QR code), connections to this origin only.
 */
public class SecurityHeaders implements Filter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final SecureRandom RANDOM = new SecureRandom();

    static String adminPolicy(String nonce) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    }

    /** The admin UI's paths (relative to the application): its views and Vaadin's resources. */
    static boolean adminPage(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/VAADIN/");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("X-Frame-Options", "DENY");
            if (request.isSecure()) {
                response.setHeader("Strict-Transport-Security", "max-age=31536000");
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (adminPage(path)) {
                String nonce = nonce();
                request.setAttribute(ScriptNonce.REQUEST_ATTRIBUTE, nonce);
                response.setHeader("Content-Security-Policy", adminPolicy(nonce));
            } else {
                response.setHeader("Content-Security-Policy", API_POLICY);
            }
        }
        chain.doFilter(req, res);
    }

    static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
