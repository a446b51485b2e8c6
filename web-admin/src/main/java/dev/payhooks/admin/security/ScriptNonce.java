package dev.payhooks.admin.security;

import com.vaadin.flow.server.ServiceInitEvent;
import jakarta.enterprise.event.Observes;

/**
 * The admin UI's bootstrap page runs under a Content-Security-Policy whose {@code script-src}
 * allows same-origin scripts and inline scripts carrying this request's nonce only. The HTTP filter
 * that sends the policy puts the nonce in the request under {@link #REQUEST_ATTRIBUTE}; this puts
 * it on every script of the page Vaadin generates (its inline bootstrap scripts among them).
 */
public class ScriptNonce {

    public static final String REQUEST_ATTRIBUTE = "dev.payhooks.csp.nonce";

    void install(@Observes ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            Object nonce = page.getVaadinRequest().getAttribute(REQUEST_ATTRIBUTE);
            if (nonce instanceof String value) {
                page.getDocument().select("script").forEach(script -> script.attr("nonce", value));
            }
        });
    }
}
