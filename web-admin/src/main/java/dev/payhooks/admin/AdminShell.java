package dev.payhooks.admin;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-level settings of the admin UI. No {@code @PWA}: its service worker and manifest requests,
 * sent with the session cookie from before sign-in, each made a new session whose cookie replaced
 * the signed-in one, and the browser bounced back to the sign-in page.
 */
@Meta(name = "robots", content = "noindex, nofollow")
@Meta(name = "referrer", content = "no-referrer")
@Theme(themeClass = Lumo.class)
public class AdminShell implements AppShellConfigurator {
}
