package dev.payhooks.admin.merchants;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Notices;
import dev.payhooks.domain.error.DomainException;

/**
 * A merchant's own Saleor instances: the GraphQL API URLs assigned to it (each with "Remove") and a
 * box to assign another. Saleor apps installed from an assigned URL work for this merchant.
 */
final class SaleorApiUrlsDialog {

    private final MerchantsModel model;
    private final MerchantRow merchant;
    private final VerticalLayout assigned = new VerticalLayout();

    private SaleorApiUrlsDialog(MerchantsModel model, MerchantRow merchant) {
        this.model = model;
        this.merchant = merchant;
    }

    static void open(MerchantsModel model, MerchantRow merchant) {
        new SaleorApiUrlsDialog(model, merchant).show();
    }

    private void show() {
        Dialog dialog = new Dialog();
        dialog.setId("saleor-urls-dialog");
        dialog.setHeaderTitle("Saleor API URLs of " + merchant.name());
        TextField url = new TextField("Saleor API URL");
        url.setId("saleor-url");
        url.setPlaceholder("https://shop.example/graphql/");
        url.setHelperText("The GraphQL URL Saleor sends when it installs the app; the hub must be allowed to call its host.");
        url.setMaxLength(500);
        url.setWidthFull();
        Button assign = new Button("Assign", click -> assign(url));
        assign.setId("saleor-url-assign");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.addClickShortcut(Key.ENTER).listenOn(url);
        HorizontalLayout form = new HorizontalLayout(url, assign);
        form.setWidthFull();
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        assigned.setId("saleor-urls");
        assigned.setPadding(false);
        assigned.setSpacing(false);
        dialog.add(new Paragraph("Saleor apps installed from these URLs work for " + merchant.name()
            + ", whether or not the configured allow-list names them. A URL belongs to one merchant."), assigned, form);
        Button close = new Button("Close", click -> dialog.close());
        close.setId("saleor-urls-close");
        dialog.getFooter().add(close);
        dialog.setWidth("min(44rem, 95vw)");
        refresh();
        dialog.open();
        url.focus();
    }

    private void refresh() {
        assigned.removeAll();
        try {
            var urls = model.saleorApiUrls(merchant.id());
            if (urls.isEmpty()) {
                assigned.add(new Span("None assigned: this merchant's Saleor cannot install the app."));
            }
            urls.forEach(apiUrl -> assigned.add(row(apiUrl)));
        } catch (NotAllowed | DomainException refused) {
            Notices.problem(refused.getMessage());
        }
    }

    private HorizontalLayout row(String apiUrl) {
        Button remove = new Button("Remove", click -> unassign(apiUrl));
        remove.getElement().setAttribute("aria-label", "Remove " + apiUrl);
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        HorizontalLayout row = new HorizontalLayout(new Span(apiUrl), remove);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return row;
    }

    private void assign(TextField url) {
        Notices.forField(url, () -> model.assignSaleorApiUrl(merchant.id(), url.getValue())).ifPresent(stored -> {
            Notices.success(stored + " assigned to " + merchant.name() + ".");
            url.clear();
            refresh();
        });
    }

    private void unassign(String apiUrl) {
        try {
            model.unassignSaleorApiUrl(merchant.id(), apiUrl);
            Notices.success(apiUrl + " removed from " + merchant.name() + ".");
        } catch (NotAllowed | DomainException refused) {
            Notices.problem(refused.getMessage());
        }
        refresh();
    }
}
