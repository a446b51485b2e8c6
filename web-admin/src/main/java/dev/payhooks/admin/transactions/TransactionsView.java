package dev.payhooks.admin.transactions;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import dev.payhooks.admin.DateTimeBoxes;
import dev.payhooks.admin.FilterBoxes;
import dev.payhooks.admin.DetailHeading;
import dev.payhooks.admin.DetailPanel;
import dev.payhooks.admin.eventlog.KeysetPages;
import dev.payhooks.admin.Notices;
import dev.payhooks.admin.Option;
import dev.payhooks.admin.layout.MainLayout;
import dev.payhooks.domain.error.InvalidField;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Every payment transaction of the merchant, newest first, filtered by channel, provider, status
 * and creation time, loaded lazily by keyset like the event log; the detail pane shows the
 * amounts, the event timeline, provider references, refunds and fulfillments, and the payment
 * method, products and contact the provider reported (the contact masked for viewers), and what the
 * reconciliation found; "Needs attention" lists those it flagged. Providers and Saleor change
 * transactions; staff look at them and mark a flagged one resolved.
 */
@Route(value = "transactions", layout = MainLayout.class)
@PageTitle("Transactions · Payhooks")
@PermitAll
public class TransactionsView extends VerticalLayout implements HasUrlParameter<String> {

    static final int PAGE_SIZE = 50;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final TransactionsModel model;
    private final Grid<TransactionRow> grid = new Grid<>(TransactionRow.class, false);
    private final ComboBox<Option> channel = new ComboBox<>("Channel");
    private final ComboBox<Option> provider = new ComboBox<>("Provider");
    private final ComboBox<String> status = new ComboBox<>("Status");
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private final Checkbox needsAttention = new Checkbox("Needs attention");
    private final VerticalLayout detail = new VerticalLayout();
    private KeysetPages<TransactionRow, TransactionPage.Mark> pages;
    private TransactionFilter filter = TransactionFilter.none();

    @Inject
    public TransactionsView(TransactionsModel model) {
        this.model = model;
        addClassName("transactions-view");
        setSizeFull();

        FilterBoxes.options(channel, "filter-channel", model.channelOptions());
        FilterBoxes.options(provider, "filter-provider", model.providerOptions());
        FilterBoxes.clearable(status, "filter-status", model.transactionStatuses());
        DateTimeBoxes.named(from, "filter-from");
        DateTimeBoxes.named(to, "filter-to");
        channel.addValueChangeListener(e -> applyFilter());
        provider.addValueChangeListener(e -> applyFilter());
        status.addValueChangeListener(e -> applyFilter());
        from.addValueChangeListener(e -> applyFilter());
        to.addValueChangeListener(e -> applyFilter());
        needsAttention.setId("filter-needs-attention");
        needsAttention.addValueChangeListener(e -> applyFilter());
        HorizontalLayout filters = new HorizontalLayout(channel, provider, status, from, to, needsAttention);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.setId("transactions-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> TIME.format(r.createdAt())).setHeader("Created (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TransactionRow::channel).setHeader("Channel").setAutoWidth(true);
        grid.addColumn(TransactionRow::provider).setHeader("Provider").setAutoWidth(true);
        grid.addComponentColumn(r -> statusBadge(r.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.charged() + " / " + r.authorized() + " " + r.currency()).setHeader("Charged / authorized")
            .setAutoWidth(true);
        grid.addColumn(TransactionRow::merchantReference).setHeader("Merchant reference").setFlexGrow(1)
            .setTooltipGenerator(TransactionRow::merchantReference);
        grid.addColumn(TransactionRow::providerReference).setHeader("Provider reference").setAutoWidth(true);
        grid.setEmptyStateText("No transactions match. They appear when Saleor or a provider starts a payment.");
        grid.asSingleSelect().addValueChangeListener(e -> showDetail(e.getValue()));
        newPages();
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()).stream());
        grid.setSizeFull();

        detail.setId("transaction-detail");
        detail.setPadding(true);
        showDetail((TransactionRow) null);
        SplitLayout split = new SplitLayout(grid, detail);
        split.setSizeFull();
        split.setSplitterPosition(55);
        add(new H2("Transactions"), filters, split);
        expand(split);
    }

    static Component statusBadge(String status) {
        Span badge = new Span(status);
        String theme = switch (status) {
            case "AUTHORIZED", "CHARGED" -> "badge success";
            case "FAILED", "CHARGED_BACK" -> "badge error";
            case "REFUNDED", "PARTIALLY_REFUNDED", "CANCELLED" -> "badge contrast";
            default -> "badge";
        };
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private void applyFilter() {
        TransactionFilter previous = filter;
        filter = new TransactionFilter(channel.getValue() == null ? null : channel.getValue().value(),
            provider.getValue() == null ? null : provider.getValue().value(), status.getValue(),
            instant(from.getValue()), instant(to.getValue()), needsAttention.getValue());
        try {
            // the model checks the filter before the grid asks for rows
            model.transactions(filter, java.util.Optional.empty(), 1);
            to.setInvalid(false);
        } catch (InvalidField invalid) {
            filter = previous;
            to.setErrorMessage(invalid.problem());
            to.setInvalid(true);
            return;
        }
        newPages();
        grid.getDataProvider().refreshAll();
    }

    private void newPages() {
        TransactionFilter current = filter;
        pages = new KeysetPages<>(after -> {
            TransactionPage page = model.transactions(current, after, PAGE_SIZE);
            return new KeysetPages.Page<>(page.rows(), page.next());
        }, PAGE_SIZE);
    }

    private static Instant instant(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private void showDetail(TransactionRow row) {
        detail.removeAll();
        if (row == null) {
            Span hint = new Span("Select a transaction to see its history, refunds and fulfillments.");
            hint.getStyle().set("color", "var(--lumo-secondary-text-color)");
            detail.add(hint);
            return;
        }
        showTransaction(row.id());
    }

    /**
     * {@code /admin/transactions/{id}} opens that transaction's detail (the event log links a
     * notification's transaction); {@code ?status=NAME} starts with that status filter (the
     * dashboard links waiting transactions so), {@code ?needsAttention=true} with the flagged ones only.
     */
    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String transactionId) {
        event.getLocation().getQueryParameters().getParameters().getOrDefault("status", java.util.List.of()).stream()
            .findFirst().filter(model.transactionStatuses()::contains).ifPresent(status::setValue);
        if (event.getLocation().getQueryParameters().getParameters().getOrDefault("needsAttention", java.util.List.of())
                .contains("true")) {
            needsAttention.setValue(true);
        }
        if (transactionId != null && !transactionId.isBlank()) {
            detail.removeAll();
            showTransaction(transactionId);
        }
    }

    private void showTransaction(String transactionId) {
        DetailPanel.show(detail, () -> model.transaction(transactionId), this::showTransaction);
    }

    private void showTransaction(TransactionDetails t) {
        TransactionRow s = t.summary();
        HorizontalLayout title = DetailHeading.title(new H3(s.merchantReference()), statusBadge(s.status()));
        Span id = DetailHeading.identifier("detail-transaction-id", s.id());
        Div facts = new Div();
        facts.setId("transaction-amounts");
        facts.setText(s.provider() + " · channel " + s.channel() + " · created " + TIME.format(s.createdAt()) + " UTC · "
            + "authorized " + s.authorized() + ", charged " + s.charged() + ", refunded " + s.refunded() + ", cancelled "
            + t.cancelled() + ", charged back " + t.chargedBack() + " " + s.currency()
            + (t.pending().isEmpty() ? "" : " · pending: " + t.pending()));
        detail.add(title, id, facts);
        if (t.reconciliation() != null) {
            showReconciliation(s.id(), t.reconciliation());
        }

        detail.add(new H4("Timeline"));
        Grid<TransactionDetails.TimelineEntry> timeline = new Grid<>();
        timeline.setId("transaction-timeline");
        timeline.addThemeVariants(GridVariant.LUMO_COMPACT);
        timeline.addColumn(TransactionDetails.TimelineEntry::sequence).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(e -> TIME.format(e.at())).setHeader("At (UTC)").setAutoWidth(true);
        timeline.addColumn(e -> e.operation() + " " + e.result()).setHeader("Event").setAutoWidth(true);
        timeline.addColumn(TransactionDetails.TimelineEntry::amount).setHeader("Amount").setAutoWidth(true);
        timeline.addColumn(TransactionDetails.TimelineEntry::statusAfter).setHeader("Status after").setAutoWidth(true);
        timeline.addColumn(e -> join(e.providerReference(), e.message())).setHeader("Reference · message").setFlexGrow(1)
            .setTooltipGenerator(e -> join(e.providerReference(), e.message()));
        timeline.addColumn(TransactionDetails.TimelineEntry::reasonCode).setHeader("Reason").setAutoWidth(true)
            .setTooltipGenerator(TransactionDetails.TimelineEntry::reasonDescription);
        timeline.setItems(t.timeline());
        timeline.setAllRowsVisible(true);
        timeline.setEmptyStateText("Nothing has happened yet: the provider has not been called.");
        detail.add(timeline);

        detail.add(new H4("Provider references"));
        detail.add(list("provider-references", t.providerReferences().stream()
            .map(r -> r.reference() + " (since " + TIME.format(r.since()) + " UTC)").toList(), "None yet."));

        detail.add(new H4("Refunds"));
        detail.add(list("transaction-refunds", t.refunds().stream()
            .map(r -> r.kind() + " " + r.amount() + " " + s.currency() + " · " + r.stage() + " · " + r.status()
                + " · requested " + TIME.format(r.requestedAt()) + " UTC"
                + (r.includesShipping() ? " · with shipping" : "")
                + (r.lines().isEmpty() ? "" : " · lines " + String.join(", ", r.lines()))
                + (r.providerReference().isEmpty() ? "" : " · ref " + r.providerReference())
                + (r.message().isEmpty() ? "" : " · " + r.message()))
            .toList(), "No refunds."));

        detail.add(new H4("Fulfillments"));
        detail.add(list("transaction-fulfillments", t.fulfillments().stream()
            .map(f -> "tracking " + f.trackingNumber() + (f.carrierCode().isEmpty() ? "" : " (" + f.carrierCode() + ")")
                + " · report " + f.status() + " after " + f.reportAttempts() + " attempt" + (f.reportAttempts() == 1 ? "" : "s")
                + (f.message().isEmpty() ? "" : " · " + f.message()))
            .toList(), "No fulfillments."));

        detail.add(new H4("Payment method"));
        detail.add(list("transaction-payment-method", t.paymentMethod().isEmpty() ? List.of() : List.of(t.paymentMethod()),
            "Not reported by the provider."));

        detail.add(new H4("Products"));
        detail.add(list("transaction-line-items", t.lineItems(), "Not reported by the provider."));

        detail.add(new H4("Contact"));
        detail.add(list("transaction-contact", t.contact(), "None held."));
    }

    /** What the reconciliation found, and for a flagged transaction the note and "Mark resolved" (for staff who may change). */
    private void showReconciliation(String transactionId, TransactionDetails.ReconciliationEntry r) {
        detail.add(new H4("Reconciliation"));
        Span state = new Span(r.needsAttention() ? "Needs attention" : r.state());
        state.setId("reconciliation-state");
        state.getElement().getThemeList().add(r.needsAttention() ? "badge error" : "badge contrast");
        detail.add(state, list("reconciliation-facts", java.util.stream.Stream.of(
                r.attempts() == 0 ? "" : r.attempts() + " check" + (r.attempts() == 1 ? "" : "s")
                    + (r.lastCheckedAt() == null ? "" : ", last " + TIME.format(r.lastCheckedAt()) + " UTC"),
                r.reason().isEmpty() ? "" : "Why: " + r.reason(),
                r.lastResult().isEmpty() ? "" : "Last result: " + r.lastResult(),
                r.resolvedBy().isEmpty() ? "" : "Resolved by " + r.resolvedBy())
            .filter(line -> !line.isEmpty()).toList(), ""));
        if (!r.needsAttention()) {
            return;
        }
        TextField note = new TextField("Note (optional)");
        note.setId("reconciliation-note");
        note.setMaxLength(500);
        note.setWidthFull();
        Button resolve = new Button("Mark resolved", VaadinIcon.CHECK.create());
        resolve.setId("reconciliation-resolve");
        resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        resolve.setEnabled(model.mayChange());
        resolve.addClickListener(e -> Notices.forField(note, () -> {
            model.resolve(transactionId, note.getValue(), r.version());
            return transactionId;
        }).ifPresent(resolved -> {
            Notices.success("Marked resolved");
            grid.getDataProvider().refreshAll();
            detail.removeAll();
            showTransaction(resolved);
        }));
        HorizontalLayout form = new HorizontalLayout(note, resolve);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWidthFull();
        detail.add(form);
    }

    private static Component list(String id, List<String> lines, String empty) {
        VerticalLayout list = new VerticalLayout();
        list.setId(id);
        list.setPadding(false);
        list.setSpacing(false);
        if (lines.isEmpty()) {
            Span none = new Span(empty);
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            list.add(none);
        }
        lines.forEach(line -> list.add(new Span(line)));
        return list;
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + " · " + second;
    }
}
