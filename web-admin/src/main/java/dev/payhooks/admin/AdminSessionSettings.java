package dev.payhooks.admin;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie and idle timeout of the admin console, from the settings, before any session
 * exists. The cookie is HttpOnly and SameSite=Lax (web.xml) and Secure whenever the request that
 * made the session came over TLS (Payara's dynamic cookieSecure, payara-web.xml);
 * {@code payhooks.admin.secure-cookie=true} makes it Secure always, for a proxy that ends TLS in
 * front of the hub. An idle session ends after {@code payhooks.admin.session-timeout-minutes}
 * (the Vaadin servlet's closeIdleSessions: the UI's heartbeats do not keep it alive).
 */
@WebListener
public class AdminSessionSettings implements ServletContextListener {

    public static final String SECURE_COOKIE = "payhooks.admin.secure-cookie";
    public static final String SESSION_TIMEOUT_MINUTES = "payhooks.admin.session-timeout-minutes";
    static final int DEFAULT_TIMEOUT_MINUTES = 30;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Config config = ConfigProvider.getConfig();
        apply(event.getServletContext(),
            config.getOptionalValue(SECURE_COOKIE, Boolean.class).orElse(false),
            config.getOptionalValue(SESSION_TIMEOUT_MINUTES, Integer.class).orElse(DEFAULT_TIMEOUT_MINUTES));
    }

    static void apply(ServletContext context, boolean alwaysSecure, int timeoutMinutes) {
        if (timeoutMinutes < 1) {
            throw new IllegalArgumentException(SESSION_TIMEOUT_MINUTES + " must be at least 1, not " + timeoutMinutes);
        }
        context.setSessionTimeout(timeoutMinutes);
        context.getSessionCookieConfig().setHttpOnly(true);
        if (alwaysSecure) {
            context.getSessionCookieConfig().setSecure(true);
        }
    }
}
