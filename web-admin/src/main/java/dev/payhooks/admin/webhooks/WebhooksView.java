package dev.payhooks.admin.webhooks;

import dev.payhooks.admin.Busy;
import dev.payhooks.admin.DestructiveConfirm;
import dev.payhooks.admin.Notices;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.payhooks.admin.secondfactor.SignatureKeyModel;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.webhooks.WebhookDraft.AuthenticationChoice;
import dev.payhooks.admin.layout.MainLayout;
import dev.payhooks.admin.secondfactor.SecondFactorGate;
import dev.payhooks.admin.secondfactor.SignatureKeyRevealDialog;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.InvalidFields;
import dev.payhooks.domain.error.NotFound;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.List;

/** The merchant's outbound webhooks, with the add, edit, reset-authentication and delete flows. */
@Route(value = "webhooks", layout = MainLayout.class)
@PageTitle("Webhooks · Payhooks")
@PermitAll
public class WebhooksView extends VerticalLayout implements BeforeEnterObserver {

    private final WebhooksModel model;
    private final SignatureKeyModel signatureKey;
    private final Grid<WebhookSummary> grid = new Grid<>(WebhookSummary.class, false);
    private final Div emptyState = new Div();
    private final Dialog dialog = new Dialog();
    /** Asked once per refresh, not once per row: the model reads the caller's roles from the staff store. */
    private boolean mayChange;
    private WebhookForm form;

    @Inject
    public WebhooksView(WebhooksModel model, SignatureKeyModel signatureKey) {
        this.signatureKey = signatureKey;
        this.model = model;
        addClassName("webhooks-view");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SecondFactorGate.require(event, model.caller(), "webhooks");
        if (SecondFactorGate.verified(model.caller()) && getComponentCount() == 0) {
            build();
        }
    }

    private void build() {
        form = new WebhookForm(model.eventTypes(), model.sourceKeys());
        form.addListener(WebhookForm.SaveEvent.class, this::save);
        form.addListener(WebhookForm.CloseEvent.class, this::close);
        form.addListener(WebhookForm.DeleteEvent.class, this::confirmDelete);
        dialog.add(form);
        dialog.setWidth("min(44rem, 95vw)");
        dialog.setCloseOnOutsideClick(false);
        dialog.addDialogCloseActionListener(escape -> form.requestClose());

        Button add = new Button("Add Webhook", VaadinIcon.PLUS.create(), click -> openNew());
        add.setId("add-webhook");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        mayChange = model.mayChange();
        add.setEnabled(mayChange);
        Button key = new Button("Signature Key", VaadinIcon.KEY.create(), click -> openSignatureKey());
        key.setId("signature-key");
        // revealing it needs the right to manage webhooks (ManageSignatureKeys decides; the button does not offer it)
        key.setEnabled(mayChange);
        if (!mayChange) {
            add.setTooltipText("Your role lets you look, not change.");
            key.setTooltipText("Your role lets you look, not change.");
        }
        HorizontalLayout header = new HorizontalLayout(new H2("Webhooks"), key, add);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.expand(header.getComponentAt(0));

        grid.setId("webhooks-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        // the label links to the webhook's page (the keyboard's way there; a click anywhere on the row goes there too)
        Grid.Column<WebhookSummary> labels = grid.addComponentColumn(w -> {
                RouterLink link = new RouterLink(w.label(), WebhookView.class, new RouteParameters("id", w.id()));
                link.addClassName("webhook-page-link");
                return link;
            }).setHeader("Label").setWidth("8rem").setFlexGrow(1).setTooltipGenerator(WebhookSummary::label);
        grid.addColumn(WebhookSummary::url).setHeader("Hook URL").setWidth("9rem").setFlexGrow(2)
            .setTooltipGenerator(WebhookSummary::url);
        grid.addColumn(w -> w.events().size() == 1 ? "1 event" : w.events().size() + " events")
            .setHeader("Events").setTooltipGenerator(w -> String.join(", ", w.events())).setWidth("6rem").setFlexGrow(0);
        grid.addColumn(w -> w.authentication() == AuthenticationChoice.BASIC ? "Basic" : "None")
            .setHeader("Auth").setTooltipGenerator(w -> w.authentication() == AuthenticationChoice.BASIC
                ? "Basic, user " + w.basicUsername() : "None").setWidth("5rem").setFlexGrow(0);
        grid.addColumn(w -> w.signature().label()).setHeader("Signature").setWidth("8rem").setFlexGrow(0);
        grid.addComponentColumn(this::statusBadge).setHeader("Status").setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(WebhookSummary::lastDelivery).setHeader("Last delivery").setWidth("9rem").setFlexGrow(1)
            .setTooltipGenerator(WebhookSummary::lastDelivery);
        Grid.Column<WebhookSummary> actions = grid.addComponentColumn(this::actions).setHeader("").setWidth("15rem")
            .setFlexGrow(0).setFrozenToEnd(true);
        grid.setAllRowsVisible(true);
        // a click on a row opens the webhook's page; its buttons keep their own actions
        grid.addItemClickListener(click -> {
            if (click.getColumn() != actions && click.getColumn() != labels) {
                grid.getUI().ifPresent(ui -> ui.navigate(WebhookView.class, new RouteParameters("id", click.getItem().id())));
            }
        });
        grid.getStyle().set("cursor", "pointer");

        emptyState.setId("webhooks-empty");
        emptyState.add(new Paragraph("No webhooks yet. Add one to have Payhooks deliver signed events to your systems."));
        emptyState.getStyle().set("color", "var(--lumo-secondary-text-color)").set("padding", "var(--lumo-space-l)")
            .set("border", "1px dashed var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)");

        add(header, new Paragraph("Payhooks sends each event to every enabled webhook listening to it, signed and retried "
            + "until it succeeds (see the event log)."), grid, emptyState);
        refresh();
    }

    private Component statusBadge(WebhookSummary w) {
        // enabled, but its newest event is being retried or went dead: the row to open first
        boolean failing = w.enabled() && (w.lastDelivery().startsWith("retrying") || w.lastDelivery().startsWith("dead"));
        Span badge = new Span(!w.enabled() ? "Disabled" : failing ? "Failing" : "Enabled");
        badge.getElement().getThemeList().add(w.enabled() && !failing ? "badge success" : "badge error");
        w.disabledBecause().ifPresent(reason -> badge.getElement().setAttribute("title", reason));
        return badge;
    }

    private Component actions(WebhookSummary w) {
        Button edit = new Button(mayChange ? "Edit" : "View", click -> openEdit(w.id()));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        edit.addClassName("edit-webhook");
        Button test = Busy.on(new Button("Test"), "Sending…", () -> WebhookButtons.sendTest(model, w));
        test.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        test.addClassName("test-webhook");
        Button toggle = new Button(w.enabled() ? "Disable" : "Enable",
            click -> WebhookButtons.toggle(model, w, this::refresh));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.addClassName("toggle-webhook");
        edit.getElement().setAttribute("aria-label", (mayChange ? "Edit " : "View ") + w.label());
        test.getElement().setAttribute("aria-label", "Send test event to " + w.label());
        toggle.getElement().setAttribute("aria-label", (w.enabled() ? "Disable " : "Enable ") + w.label());
        test.setEnabled(mayChange);
        toggle.setEnabled(mayChange);
        HorizontalLayout buttons = new HorizontalLayout(edit, test, toggle);
        buttons.setSpacing(false);
        buttons.getStyle().set("gap", "var(--lumo-space-xs)");
        return buttons;
    }

    private void refresh() {
        mayChange = model.mayChange();
        List<WebhookSummary> all = model.webhooks();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        emptyState.setVisible(all.isEmpty());
    }

    private void openNew() {
        if (!model.mayChange()) {
            Notices.problem("Your role lets you look, not change. Ask an administrator.");
            return;
        }
        form.editNew();
        form.setReadOnly(false);
        dialog.setHeaderTitle("Add Webhook");
        dialog.open();
    }

    private void openEdit(String id) {
        boolean editable = model.mayChange();
        try {
            form.edit(model.webhook(id));
        } catch (NotFound gone) {
            Notices.problem("This webhook no longer exists.");
            refresh();
            return;
        }
        form.setReadOnly(!editable);
        dialog.setHeaderTitle(editable ? "Edit Webhook" : "Webhook");
        dialog.open();
    }

    private void save(WebhookForm.SaveEvent event) {
        form.clearProblems();
        try {
            WebhookSummary saved = form.editingId() == null
                ? model.addWebhook(event.draft())
                : model.saveWebhook(form.editingId(), event.draft(), event.resetAuthentication());
            dialog.close();
            refresh();
            Notices.success((form.editingId() == null ? "Added " : "Saved ") + "“" + saved.label() + "”.");
        } catch (InvalidField invalid) {
            // every field's problem at once, each next to its field
            InvalidFields.of(invalid).forEach(problem -> form.showProblem(problem.field(), problem.problem()));
        } catch (NotAllowed | DomainException refused) {
            form.showProblem("", refused.getMessage());
        }
    }

    private void close(WebhookForm.CloseEvent event) {
        if (!event.unsavedChanges()) {
            dialog.close();
            return;
        }
        DestructiveConfirm.open("abandon-changes", "Abandon changes?", "Your changes to this webhook are discarded.",
            "Abandon Changes", dialog::close).setCancelText("Keep Editing");
    }

    private void confirmDelete(WebhookForm.DeleteEvent event) {
        String id = form.editingId();
        DestructiveConfirm.open("confirm-delete", "Delete hook?", "“" + form.draft().label() + "” is deleted and stops "
            + "receiving events. Its past deliveries stay in the event log.", "Delete Hook", () -> {
                try {
                    model.deleteWebhook(id);
                    dialog.close();
                    refresh();
                    Notices.success("Webhook deleted.");
                } catch (NotAllowed | DomainException refused) {
                    Notices.problem(refused.getMessage());
                }
            });
    }


    /** The contract: secrets show masked, and in clear only after a fresh second-factor code. */
    private void openSignatureKey() {
        SignatureKeyRevealDialog.open(signatureKey);
    }


}
