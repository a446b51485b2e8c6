package dev.payhooks.admin.dashboard;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.payhooks.admin.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The landing page after sign-in. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · Payhooks")
@PermitAll
public class DashboardView extends VerticalLayout {

    @Inject
    public DashboardView(SecurityContext securityContext,
                         @ConfigProperty(name = "payhooks.mode", defaultValue = "sandbox") String mode) {
        addClassName("dashboard-view");
        String caller = securityContext.getCallerPrincipal() == null ? "" : securityContext.getCallerPrincipal().getName();
        boolean sandbox = !"production".equalsIgnoreCase(mode);
        Span modeBadge = new Span(sandbox ? "Sandbox mode" : "Production mode");
        modeBadge.getElement().getThemeList().add(sandbox ? "badge contrast" : "badge success");
        modeBadge.setId("mode-badge");
        add(new H2("Dashboard"), new Paragraph("Signed in as " + caller + "."), modeBadge);
        if (sandbox) {
            add(new Paragraph("Sandbox mode: provider simulators are reachable and test-only operations are allowed. "
                + "Set PAYHOOKS_MODE=production before taking real payments."));
        }
    }
}
