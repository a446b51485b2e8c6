package dev.payhooks.admin;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-level settings of the admin UI. */
@Meta(name = "robots", content = "noindex, nofollow")
@Meta(name = "referrer", content = "no-referrer")
@Theme(themeClass = Lumo.class)
@PWA(name = "Payhooks admin", shortName = "Payhooks", offlineResources = {})
public class AdminShell implements AppShellConfigurator {
}
