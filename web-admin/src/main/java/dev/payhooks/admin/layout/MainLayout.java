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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import dev.payhooks.admin.approvals.ApprovalsView;
import dev.payhooks.admin.audit.AuditTrailView;
import dev.payhooks.admin.channels.ChannelsView;
import dev.payhooks.admin.dashboard.DashboardView;
import dev.payhooks.admin.eventlog.EventLogView;
import dev.payhooks.admin.Option;
import dev.payhooks.admin.login.SignInModel;
import dev.payhooks.admin.merchants.MerchantsModel;
import dev.payhooks.admin.merchants.MerchantsView;
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
import java.util.List;

/**
 * The frame around every signed-in view: header, navigation, sign-out, and for operator staff the
 * merchant switcher and the Merchants page. Each navigation checks that the signed-in user is still
 * an enabled staff member; a user disabled meanwhile is signed out there (their changes were
 * refused already, by the use cases' role checks).
 */
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final SignInModel model;
    private final MerchantsModel merchants;
    private final Select<Option> switcher = new Select<>();
    private final SideNavItem merchantsItem = new SideNavItem("Merchants", MerchantsView.class, VaadinIcon.BUILDING.create());

    @Inject
    public MainLayout(SecurityContext securityContext, SignInModel model, MerchantsModel merchants) {
        this.model = model;
        this.merchants = merchants;
        H1 brand = new H1("Payhooks");
        brand.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        Principal caller = securityContext.getCallerPrincipal();
        Span user = new Span(caller == null ? "" : caller.getName());
        user.addClassName("signed-in-user");
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> signOut());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        switcher.setId("merchant-switcher");
        switcher.setItemLabelGenerator(Option::caption);
        switcher.setPrefixComponent(VaadinIcon.SHOP.create());
        switcher.getElement().setAttribute("aria-label", "Acting for merchant");
        switcher.setTooltipText("The merchant the console acts for");
        switcher.setWidth("16rem");
        switcher.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                merchants.actFor(change.getValue().value());
                UI.getCurrent().getPage().reload(); // every view shows the chosen merchant's data
            }
        });

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), brand, switcher, user, signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(brand);
        header.setWidthFull();
        header.getStyle().set("padding", "0 var(--lumo-space-m)");
        addToNavbar(header);
        addToDrawer(navigation());
        setPrimarySection(Section.DRAWER);
        refreshMerchantSwitcher();
    }

    /** Shows the switcher and the Merchants page to operators only, with the merchants as they are now. */
    public void refreshMerchantSwitcher() {
        List<Option> choices = merchants.actingChoices();
        boolean operator = !choices.isEmpty();
        switcher.setVisible(operator);
        merchantsItem.setVisible(operator);
        if (operator) {
            String acting = merchants.actingFor();
            switcher.setItems(choices);
            choices.stream().filter(o -> o.value().equals(acting)).findFirst().ifPresent(switcher::setValue);
        }
    }

    /**
     * The side navigation. Each section stays highlighted on its pages below it (a webhook's page
     * under Webhooks, a channel's under Channels); the dashboard, at the root, only on itself.
     */
    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Dashboard", DashboardView.class, VaadinIcon.DASHBOARD.create()));
        for (SideNavItem section : List.of(
                new SideNavItem("Webhooks", WebhooksView.class, VaadinIcon.CONNECT.create()),
                new SideNavItem("Event log", EventLogView.class, VaadinIcon.LIST.create()),
                new SideNavItem("Approvals", ApprovalsView.class, VaadinIcon.USER_CHECK.create()),
                new SideNavItem("Transactions", TransactionsView.class, VaadinIcon.CREDIT_CARD.create()),
                new SideNavItem("Channels & merchant", ChannelsView.class, VaadinIcon.SHOP.create()),
                new SideNavItem("Audit trail", AuditTrailView.class, VaadinIcon.CLIPBOARD_TEXT.create()),
                new SideNavItem("Staff", StaffView.class, VaadinIcon.USERS.create()),
                merchantsItem,
                new SideNavItem("Two-factor", SecondFactorView.class, VaadinIcon.LOCK.create()))) {
            section.setMatchNested(true);
            nav.addItem(section);
        }
        return nav;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!model.signedInStaffEnabled()) {
            event.rerouteTo(LoginView.class); // not the view asked for
            signOut();
            return;
        }
        refreshMerchantSwitcher(); // a demoted operator loses it at the next step
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
