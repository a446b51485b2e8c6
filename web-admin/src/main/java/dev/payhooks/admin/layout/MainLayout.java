package dev.payhooks.admin.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import dev.payhooks.admin.audit.AuditTrailView;
import dev.payhooks.admin.channels.ChannelsView;
import dev.payhooks.admin.dashboard.DashboardView;
import dev.payhooks.admin.eventlog.EventLogView;
import dev.payhooks.admin.login.SignInModel;
import dev.payhooks.admin.login.LoginView;
import dev.payhooks.admin.secondfactor.SecondFactorView;
import dev.payhooks.admin.staff.StaffView;
import dev.payhooks.admin.transactions.TransactionsView;
import dev.payhooks.admin.webhooks.WebhooksView;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/**
 * The frame around every signed-in view: header, navigation, sign-out. Each navigation checks
 * that the signed-in user is still an enabled staff member; a user disabled meanwhile is signed
 * out there (their changes were refused already, by the use cases' role checks).
 */
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final SignInModel model;

    @Inject
    public MainLayout(SecurityContext securityContext, SignInModel model) {
        this.model = model;
        H1 brand = new H1("Payhooks");
        brand.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        Principal caller = securityContext.getCallerPrincipal();
        Span user = new Span(caller == null ? "" : caller.getName());
        user.addClassName("signed-in-user");
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> signOut());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), brand, user, signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(brand);
        header.setWidthFull();
        header.getStyle().set("padding", "0 var(--lumo-space-m)");
        addToNavbar(header);
        addToDrawer(navigation());
        setPrimarySection(Section.DRAWER);
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Dashboard", DashboardView.class, VaadinIcon.DASHBOARD.create()));
        nav.addItem(new SideNavItem("Webhooks", WebhooksView.class, VaadinIcon.CONNECT.create()));
        nav.addItem(new SideNavItem("Event log", EventLogView.class, VaadinIcon.LIST.create()));
        nav.addItem(new SideNavItem("Transactions", TransactionsView.class, VaadinIcon.CREDIT_CARD.create()));
        nav.addItem(new SideNavItem("Channels & merchant", ChannelsView.class, VaadinIcon.SHOP.create()));
        nav.addItem(new SideNavItem("Audit trail", AuditTrailView.class, VaadinIcon.CLIPBOARD_TEXT.create()));
        nav.addItem(new SideNavItem("Staff", StaffView.class, VaadinIcon.USERS.create()));
        nav.addItem(new SideNavItem("Two-factor", SecondFactorView.class, VaadinIcon.LOCK.create()));
        return nav;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!model.signedInStaffEnabled()) {
            event.rerouteTo(LoginView.class); // not the view asked for
            signOut();
        }
    }

    private void signOut() {
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        String loginPage = request.getContextPath() + "/admin/login";
        try {
            request.logout();
        } catch (ServletException ignored) {
            // the session is invalidated below either way
        }
        // before a navigation the layout is not attached yet: the current UI, not getUI()
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().setLocation(loginPage);
        }
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
