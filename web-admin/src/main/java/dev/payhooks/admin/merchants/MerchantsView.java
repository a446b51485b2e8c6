package dev.payhooks.admin.merchants;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.payhooks.admin.DestructiveConfirm;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Notices;
import dev.payhooks.admin.ShownOnceDialog;
import dev.payhooks.admin.layout.MainLayout;
import dev.payhooks.admin.secondfactor.SecondFactorGate;
import dev.payhooks.domain.error.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The merchants, for operator staff: add one, disable or enable it, issue it an API key (shown
 * once), assign it its own Saleor API URLs and switch the console to it. Others read that only operators manage merchants (and the
 * use case refuses them anyway). Changing merchants needs the second factor passed in the session,
 * like the other configuration sections.
 */
@Route(value = "merchants", layout = MainLayout.class)
@PageTitle("Merchants · Payhooks")
@PermitAll
public class MerchantsView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final MerchantsModel model;
    private final Grid<MerchantRow> grid = new Grid<>(MerchantRow.class, false);

    @Inject
    public MerchantsView(MerchantsModel model) {
        this.model = model;
        addClassName("merchants-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!model.operator()) {
            if (getComponentCount() == 0) {
                Paragraph refused = new Paragraph(MerchantsModel.OPERATORS_ONLY);
                refused.setId("merchants-refused");
                add(new H2("Merchants"), refused);
            }
            return;
        }
        SecondFactorGate.require(event, model.caller(), "merchants");
        if (SecondFactorGate.verified(model.caller()) && getComponentCount() == 0) {
            build();
        }
    }

    private void build() {
        TextField name = new TextField("Merchant name");
        name.setId("merchant-name");
        name.setMaxLength(200);
        Button add = new Button("Add merchant", VaadinIcon.PLUS.create(), click -> add(name));
        add.setId("add-merchant");
        add.addClickShortcut(Key.ENTER).listenOn(name).resetFocusOnActiveElement();
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("merchants-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(m -> m.name() + (m.actingFor() ? " (acting for)" : "")).setHeader("Merchant").setAutoWidth(true)
            .setFlexGrow(1);
        grid.addComponentColumn(this::statusBadge).setHeader("Status").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(m -> TIME.format(m.createdAt())).setHeader("Since").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(MerchantRow::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);

        add(new H2("Merchants"), new Paragraph("Each merchant has its own channels, webhooks, API keys, events and staff. "
            + "Operators act for any merchant: pick one here or in the header. A disabled merchant's API keys and staff are "
            + "refused until it is enabled again; the installation's own merchant cannot be disabled. A merchant's own "
            + "Saleor installs the app once its API URL is assigned to the merchant (Saleor URLs)."), form, grid);
        refresh();
    }

    private Component statusBadge(MerchantRow m) {
        Span badge = new Span(m.enabled() ? "Enabled" : "Disabled");
        badge.getElement().getThemeList().add(m.enabled() ? "badge success" : "badge error");
        return badge;
    }

    private Component actions(MerchantRow m) {
        Button actFor = new Button("Act for", click -> actFor(m));
        actFor.getElement().setAttribute("aria-label", "Act for " + m.name());
        actFor.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        actFor.setEnabled(!m.actingFor());
        Button key = new Button("Issue API key", click -> askKeyLabel(m));
        key.getElement().setAttribute("aria-label", "Issue API key for " + m.name());
        key.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        key.setEnabled(m.enabled());
        Button toggle = new Button(m.enabled() ? "Disable" : "Enable", click -> toggle(m));
        toggle.getElement().setAttribute("aria-label", (m.enabled() ? "Disable " : "Enable ") + m.name());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (m.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        toggle.setEnabled(!m.installation());
        Button saleor = new Button("Saleor URLs", click -> SaleorApiUrlsDialog.open(model, m));
        saleor.getElement().setAttribute("aria-label", "Saleor URLs of " + m.name());
        saleor.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout buttons = new HorizontalLayout(actFor, key, saleor, toggle);
        buttons.setSpacing(false);
        buttons.getStyle().set("gap", "var(--lumo-space-xs)");
        return buttons;
    }

    private void refresh() {
        grid.setItems(model.merchants());
        MainLayout layout = findAncestor(MainLayout.class);
        if (layout != null) {
            layout.refreshMerchantSwitcher();
        }
    }

    private void add(TextField name) {
        Notices.forField(name, () -> model.add(name.getValue())).ifPresent(added -> {
            Notices.success("Merchant “" + name.getValue().trim() + "” added.");
            name.clear();
            refresh();
        });
    }

    /** Acts for the merchant from now on in this session; the whole console then shows its data. */
    private void actFor(MerchantRow m) {
        model.actFor(m.id());
        UI.getCurrent().getPage().reload();
    }

    /** Enables at once; disables after a confirmation, since it stops the merchant's API keys. */
    private void toggle(MerchantRow m) {
        Runnable change = () -> {
            try {
                model.enable(m.id(), !m.enabled());
            } catch (NotAllowed | DomainException refused) {
                Notices.problem(refused.getMessage());
            }
            refresh();
        };
        if (!m.enabled()) {
            change.run();
            return;
        }
        DestructiveConfirm.open("confirm-disable-merchant", "Disable " + m.name() + "?",
            "Calls with " + m.name() + "'s API keys and its staff are refused until you enable it again. "
                + "Its configuration and data are kept.",
            "Disable", change);
    }

    private void askKeyLabel(MerchantRow m) {
        Dialog dialog = new Dialog();
        dialog.setId("merchant-key-dialog");
        dialog.setHeaderTitle("API key for " + m.name());
        TextField label = new TextField("Key label");
        label.setId("merchant-key-label");
        label.setHelperText("Names the system that uses it, e.g. “shop backend”.");
        label.setWidthFull();
        Button issue = new Button("Issue key", click -> issueKey(dialog, m, label));
        issue.setId("merchant-key-issue");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issue.addClickShortcut(Key.ENTER).listenOn(label);
        dialog.add(label);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), issue);
        dialog.setWidth("min(32rem, 95vw)");
        dialog.open();
        label.focus();
    }

    private void issueKey(Dialog dialog, MerchantRow m, TextField label) {
        Notices.forField(label, () -> model.issueKey(m.id(), label.getValue())).ifPresent(issued -> {
            dialog.close();
            ShownOnceDialog.open("issued-merchant-key", "API key “" + issued.label() + "” for " + issued.merchantName(),
                "Copy it now: it is not shown again", issued.plaintext(), "I have copied it", "min(40rem, 95vw)");
        });
    }
}
