package dev.payhooks.admin;

import com.vaadin.cdi.CdiVaadinServlet;
import jakarta.annotation.security.DeclareRoles;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebServlet;

/**
 * Serves the admin UI at {@code /admin}; Vaadin's static resources live under {@code /VAADIN}. Idle
 * sessions close ({@link AdminSessionSettings} sets the timeout).
 */
@DeclareRoles({"ADMINISTRATOR", "DEVELOPER", "VIEWER"})
@WebServlet(urlPatterns = {"/admin/*", "/VAADIN/*"}, asyncSupported = true, loadOnStartup = 1,
    initParams = {
        @WebInitParam(name = "productionMode", value = "true"),
        // heartbeats of an open tab do not keep a session alive: idle for the session timeout, it ends
        @WebInitParam(name = "closeIdleSessions", value = "true")
    })
public class AdminServlet extends CdiVaadinServlet {
}
