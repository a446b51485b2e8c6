package dev.payhooks.admin;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(AdminSessionSettings.class.getName());

    @Inject
    Instance<ConsoleSettings> settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ConsoleSettings console;
        try {
            console = settings.get();
        } catch (RuntimeException badSettings) {
            // the startup check reports the bad setting and stops the server
            LOG.fine(() -> "console session settings not applied: " + badSettings);
            return;
        }
        apply(event.getServletContext(), console);
    }

    static void apply(ServletContext context, ConsoleSettings console) {
        context.setSessionTimeout(console.sessionTimeoutMinutes());
        context.getSessionCookieConfig().setHttpOnly(true);
        if (console.alwaysSecureCookie()) {
            context.getSessionCookieConfig().setSecure(true);
        }
    }
}
