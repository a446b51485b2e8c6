package dev.payhooks.admin;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;

/**
 * Page-level settings of the admin UI. No {@code @PWA}: its service worker and manifest requests,
 * sent with the session cookie from before sign-in, each made a new session whose cookie replaced
 * the signed-in one, and the browser bounced back to the sign-in page. No {@code @Theme} either:
 * Lumo is Vaadin's default theme, and a {@code @Theme} without a theme name makes every page ask
 * for the stylesheet of a nameless application theme ({@code VAADIN/themes//styles.css}), which
 * does not exist.
 */
@Meta(name = "robots", content = "noindex, nofollow")
@Meta(name = "referrer", content = "no-referrer")
public class AdminShell implements AppShellConfigurator {
}
