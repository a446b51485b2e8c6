package dev.payhooks.app.http;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServletRequest;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import java.io.IOException;
import java.util.Map;

/**
 * Requests that no one signs in to are not handed to Jakarta Security: provider notifications
 * ({@code /api/notifications/…}) and health ({@code /health/…}). Jakarta Security's bridge
 * (the server authentication module it registers for the application) runs for every request
 * and looks the CDI bean manager and the authentication mechanism up twice per request, once to
 * validate and once to secure the response; for these requests it can only answer "nobody",
 * because the admin console's mechanism does nothing outside a sign-in and these paths sign no
 * one in. So this listener puts a Jakarta Authentication configuration in front of the one the
 * bridge registered: for these paths it establishes the anonymous caller itself, as the
 * mechanism's {@code doNothing} does; every other request goes to the bridge as before.
 *
 * <p>The path is the one the container mapped the request by (servlet path and path info,
 * decoded and normalised, path parameters removed), the same mapping that picks the servlet that
 * serves it: a request that the container serves with the admin servlet or with any other
 * servlet is never skipped, however its URI is spelled. Skipping can only leave a request without
 * a caller: nothing here signs anyone in. A request that the container marks as needing
 * authentication goes to the bridge whatever its path. Registered in web.xml (listeners start
 * after the bridge registered itself).
 */
public class CallerlessPaths implements ServletContextListener {

    static final String LAYER = "HttpServlet";
    static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        AuthConfigProvider bridge = factory.getConfigProvider(LAYER, appContext, null);
        if (bridge != null) {
            factory.registerConfigProvider(new Provider(bridge), LAYER, appContext,
                "Payhooks: no Jakarta Security for provider notifications and health");
        }
    }

    /** Whether the container mapped the request to a path that no one signs in to. */
    static boolean callerless(String servletPath, String pathInfo) {
        if ("/api".equals(servletPath)) {
            return pathInfo != null && pathInfo.startsWith("/notifications/");
        }
        return "/health/live".equals(servletPath) || "/health".equals(servletPath);
    }

    private record Provider(AuthConfigProvider bridge) implements AuthConfigProvider {
        @Override
        public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler)
            throws AuthException {
            return bridge.getClientAuthConfig(layer, appContext, handler);
        }

        @Override
        public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
            throws AuthException {
            return new Config(bridge.getServerAuthConfig(layer, appContext, handler), handler);
        }

        @Override
        public void refresh() {
            bridge.refresh();
        }
    }

    private record Config(ServerAuthConfig bridge, CallbackHandler handler) implements ServerAuthConfig {
        @Override
        public ServerAuthContext getAuthContext(String authContextId, Subject serviceSubject, Map<String, Object> properties)
            throws AuthException {
            return new Context(bridge.getAuthContext(authContextId, serviceSubject, properties), handler);
        }

        @Override
        public String getMessageLayer() {
            return bridge.getMessageLayer();
        }

        @Override
        public String getAppContext() {
            return bridge.getAppContext();
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return bridge.getAuthContextID(messageInfo);
        }

        @Override
        public void refresh() {
            bridge.refresh();
        }

        @Override
        public boolean isProtected() {
            return bridge.isProtected();
        }
    }

    private record Context(ServerAuthContext bridge, CallbackHandler handler) implements ServerAuthContext {
        @Override
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
            if (!skipped(message)) {
                return bridge.validateRequest(message, client, service);
            }
            try {
                handler.handle(new Callback[] {new CallerPrincipalCallback(client, (String) null)});
            } catch (IOException | UnsupportedCallbackException e) {
                throw (AuthException) new AuthException("the container did not take the anonymous caller").initCause(e);
            }
            return AuthStatus.SUCCESS;
        }

        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
            return skipped(message) ? AuthStatus.SEND_SUCCESS : bridge.secureResponse(message, service);
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
            bridge.cleanSubject(message, subject);
        }

        private static boolean skipped(MessageInfo message) {
            return message.getRequestMessage() instanceof HttpServletRequest request
                && !Boolean.parseBoolean(String.valueOf(message.getMap().get(MANDATORY)))
                && callerless(request.getServletPath(), request.getPathInfo());
        }
    }
}
