package dev.payhooks.admin.channels;

import dev.payhooks.admin.Notices;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.payhooks.admin.ShownOnceDialog;
import dev.payhooks.admin.DestructiveConfirm;
import dev.payhooks.admin.secondfactor.SignatureKeyModel;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.layout.MainLayout;
import dev.payhooks.admin.secondfactor.SecondFactorGate;
import dev.payhooks.admin.secondfactor.SignatureKeyRevealDialog;
import dev.payhooks.admin.approvals.ApprovalsModel;
import dev.payhooks.admin.approvals.FourEyesSection;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.error.InvalidField;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The merchant's configuration: the channels (each row links to the channel's page, one tab per
 * provider: {@link ChannelView}), the API keys (issued keys shown once), the Signature Key (rotate; reveal after a fresh second-factor code) and
 * four-eyes for bulk replays ({@link FourEyesSection}) and the Saleor installations (administrators remove one; others look).
 * Behind the second factor, like Webhooks.
 */
@Route(value = "channels", layout = MainLayout.class)
@PageTitle("Channels & merchant · Payhooks")
@PermitAll
public class ChannelsView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final ChannelsModel model;
    private final SignatureKeyModel signatureKey;
    private final ApprovalsModel approvals;
    private final Grid<ChannelSummary> channels = new Grid<>(ChannelSummary.class, false);
    private final Grid<ApiKeyRow> keys = new Grid<>(ApiKeyRow.class, false);
    private final Grid<SaleorInstallationRow> installations = new Grid<>(SaleorInstallationRow.class, false);

    @Inject
    public ChannelsView(ChannelsModel model, SignatureKeyModel signatureKey, ApprovalsModel approvals) {
        this.model = model;
        this.signatureKey = signatureKey;
        this.approvals = approvals;
        addClassName("channels-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SecondFactorGate.require(event, model.caller(), "channels");
        if (!SecondFactorGate.verified(model.caller())) {
            return;
        }
        if (getComponentCount() == 0) {
            build();
        } else {
            refresh();
        }
    }

    private void build() {
        boolean mayChange = model.mayChange();
        Button open = new Button("Open channel", VaadinIcon.PLUS.create(), click -> openChannelDialog());
        open.setId("open-channel");
        open.setEnabled(mayChange);
        channels.setId("channels-grid");
        channels.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        channels.addColumn(ChannelSummary::slug).setHeader("Slug").setAutoWidth(true);
        channels.addColumn(ChannelSummary::name).setHeader("Name").setAutoWidth(true);
        channels.addColumn(ChannelSummary::currency).setHeader("Currency").setAutoWidth(true);
        channels.addColumn(ChannelSummary::country).setHeader("Country").setAutoWidth(true);
        channels.addColumn(c -> c.providers().isEmpty() ? "none yet" : String.join(", ", c.providers()))
            .setHeader("Providers").setFlexGrow(1);
        // the link is the keyboard's way to the channel's page; a click anywhere on the row goes there too
        Grid.Column<ChannelSummary> configure = channels.addComponentColumn(c -> {
            RouterLink link = new RouterLink("Configure", ChannelView.class, new RouteParameters("slug", c.slug()));
            link.addClassName("configure-channel");
            link.getElement().setAttribute("aria-label", "Configure channel " + c.slug());
            return link;
        }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        channels.setAllRowsVisible(true);
        channels.setSelectionMode(Grid.SelectionMode.NONE);
        channels.setEmptyStateText("No channels yet. A channel is a Saleor channel: open one with its slug.");
        channels.addItemClickListener(click -> {
            if (click.getColumn() != configure) {
                open(click.getItem().slug());
            }
        });
        channels.getStyle().set("cursor", "pointer");

        HorizontalLayout channelHeader = new HorizontalLayout(new H3("Channels"), open);
        channelHeader.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Paragraph hint = new Paragraph("Select a channel to configure its providers.");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2("Channels & merchant"), channelHeader, hint, channels);

        TextField label = new TextField("New key's label");
        label.setId("api-key-label");
        label.setPlaceholder("Label, e.g. ERP");
        label.setReadOnly(!mayChange);
        Button issue = new Button("Issue API key", VaadinIcon.KEY.create(), click -> issueKey(label));
        issue.setId("issue-api-key");
        issue.addClickShortcut(Key.ENTER).listenOn(label).resetFocusOnActiveElement();
        issue.setEnabled(mayChange);
        keys.setId("api-keys-grid");
        keys.addThemeVariants(GridVariant.LUMO_COMPACT);
        keys.addColumn(ApiKeyRow::label).setHeader("Label").setAutoWidth(true);
        keys.addColumn(ApiKeyRow::displayPrefix).setHeader("Key").setAutoWidth(true);
        keys.addColumn(k -> TIME.format(k.createdAt())).setHeader("Issued (UTC)").setAutoWidth(true);
        keys.addColumn(k -> k.active() ? "active" : "revoked " + TIME.format(k.revokedAt())).setHeader("State").setAutoWidth(true);
        keys.addComponentColumn(k -> {
            Button revoke = new Button("Revoke", click -> confirmRevoke(k));
            revoke.addClassName("revoke-api-key");
            revoke.getElement().setAttribute("aria-label", "Revoke " + k.label());
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setEnabled(mayChange && k.active());
            return revoke;
        }).setAutoWidth(true);
        keys.setAllRowsVisible(true);
        HorizontalLayout issueRow = new HorizontalLayout(label, issue);
        issueRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H3("API keys"), new Paragraph("Your systems call the management API with these keys; a key is shown once, "
            + "when it is issued."), issueRow, keys);

        Button reveal = new Button("Reveal…", VaadinIcon.EYE.create(), click -> SignatureKeyRevealDialog.open(signatureKey));
        reveal.setId("open-signature-key");
        reveal.setEnabled(mayChange);
        Button rotate = new Button("Rotate…", VaadinIcon.REFRESH.create(), click -> confirmRotate());
        rotate.setId("rotate-signature-key");
        rotate.setEnabled(mayChange);
        add(new H3("Signature Key"), new Paragraph("Webhooks that sign with “Signature Key” use it. After a rotation the "
            + "previous key keeps signing alongside the new one for 24 hours."), new HorizontalLayout(reveal, rotate));
        add(new Ed25519KeySection(model, ProviderPane::requestApiBase, mayChange));
        add(new FourEyesSection(approvals));

        boolean mayRemove = model.mayRemoveSaleorInstallations();
        installations.setId("saleor-installations-grid");
        installations.addThemeVariants(GridVariant.LUMO_COMPACT);
        installations.addColumn(SaleorInstallationRow::provider).setHeader("App").setAutoWidth(true);
        installations.addColumn(SaleorInstallationRow::apiUrl).setHeader("Saleor API URL").setFlexGrow(1);
        installations.addColumn(SaleorInstallationRow::appId).setHeader("App id").setAutoWidth(true);
        installations.addColumn(i -> TIME.format(i.installedAt())).setHeader("Installed (UTC)").setAutoWidth(true);
        installations.addComponentColumn(i -> {
            Button remove = new Button("Remove", click -> confirmRemoveInstallation(i));
            remove.addClassName("remove-saleor-installation");
            remove.getElement().setAttribute("aria-label", "Remove the " + i.provider() + " app in " + i.apiUrl());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.setEnabled(mayRemove);
            return remove;
        }).setAutoWidth(true);
        installations.setAllRowsVisible(true);
        installations.setEmptyStateText("No Saleor instance has installed a Payhooks app yet.");
        add(new H3("Saleor installations"), new Paragraph("Saleor instances the payment apps are installed in. While an "
            + "installation exists, only its app may register again (to rotate its token); an administrator removes it "
            + "before that Saleor installs another app."), installations);
        refresh();
    }

    private void open(String slug) {
        getUI().ifPresent(ui -> ui.navigate(ChannelView.class, new RouteParameters("slug", slug)));
    }

    /** Reloads channels, keys and installations. */
    private void refresh() {
        channels.setItems(model.channels());
        keys.setItems(model.apiKeys());
        installations.setItems(model.saleorInstallations());
    }

    private void openChannelDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Open channel");
        dialog.setId("open-channel-dialog");
        TextField slug = new TextField("Slug (as in Saleor)");
        slug.setId("channel-slug");
        TextField name = new TextField("Name");
        name.setId("channel-name");
        TextField currency = new TextField("Currency (ISO 4217)");
        currency.setId("channel-currency");
        TextField country = new TextField("Country (ISO 3166)");
        country.setId("channel-country");
        Map<String, TextField> byField = Map.of("slug", slug, "name", name, "currency", currency, "country", country);
        Button create = new Button("Open channel", click -> {
            byField.values().forEach(f -> f.setInvalid(false));
            try {
                ChannelSummary opened = model.openChannel(new ChannelDraft(slug.getValue(), name.getValue(), currency.getValue(),
                    country.getValue()));
                dialog.close();
                refresh();
                Notices.success("Channel " + opened.slug() + " opened: configure its providers on its page.");
            } catch (InvalidField invalid) {
                TextField field = byField.get(invalid.field());
                if (field == null) {
                    Notices.problem(invalid.getMessage());
                } else {
                    field.setErrorMessage(invalid.problem());
                    field.setInvalid(true);
                }
            } catch (NotAllowed | DomainException refused) {
                Notices.problem(refused.getMessage());
            }
        });
        create.setId("create-channel");
        create.addClickShortcut(Key.ENTER).listenOn(dialog).resetFocusOnActiveElement();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(slug, name, currency, country));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), create);
        dialog.open();
    }

    private void issueKey(TextField label) {
        Notices.forField(label, () -> model.issueApiKey(label.getValue())).ifPresent(issued -> {
            label.clear();
            keys.setItems(model.apiKeys());
            ShownOnceDialog.open("issued-api-key", "API key “" + issued.key().label() + "”", "Copy it now: it is not shown again",
                issued.plaintext(), "I have copied it", "min(40rem, 95vw)");
        });
    }

    private void confirmRevoke(ApiKeyRow key) {
        DestructiveConfirm.open("confirm-revoke-api-key", "Revoke API key “" + key.label() + "”?",
            "Calls with " + key.displayPrefix() + " are refused from now on, and webhooks that sign with it as their Source Key "
                + "must be changed.", "Revoke", () -> {
            try {
                model.revokeApiKey(key.id());
                keys.setItems(model.apiKeys());
            } catch (NotAllowed | DomainException refused) {
                Notices.problem(refused.getMessage());
            }
        });
    }

    private void confirmRemoveInstallation(SaleorInstallationRow installation) {
        DestructiveConfirm.open("confirm-remove-saleor-installation",
            "Remove the " + installation.provider() + " app's installation?",
            "Webhooks from " + installation.apiUrl() + " are refused until that Saleor installs the app again; "
                + "any app of that Saleor may then register.", "Remove", () -> {
                try {
                    model.removeSaleorInstallation(installation.id());
                    installations.setItems(model.saleorInstallations());
                    Notices.success("Installation removed.");
                } catch (NotAllowed | DomainException refused) {
                    Notices.problem(refused.getMessage());
                }
            });
    }

    private void confirmRotate() {
        DestructiveConfirm.open("confirm-rotate", "Rotate the Signature Key?",
            "A new key signs from now on; the previous one keeps signing alongside it for 24 hours, then stops: receivers "
                + "must switch to the new key within that time.", "Rotate", () -> {
                try {
                    model.rotateSignatureKey();
                    Notices.success("Signature Key rotated.");
                } catch (NotAllowed | DomainException refused) {
                    Notices.problem(refused.getMessage());
                }
            });
    }

}
