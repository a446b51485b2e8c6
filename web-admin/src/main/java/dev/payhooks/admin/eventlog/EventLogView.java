package dev.payhooks.admin.eventlog;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.payhooks.admin.Busy;
import dev.payhooks.admin.approvals.ApprovalsModel;
import dev.payhooks.admin.approvals.ReplayOutcome;
import dev.payhooks.admin.DetailHeading;
import dev.payhooks.admin.DetailPanel;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.layout.MainLayout;
import dev.payhooks.admin.secondfactor.SecondFactorGate;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.error.InvalidField;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every outbound event with its deliveries and every provider notification with its processing,
 * in one grid: filter, read the payload, each delivery attempt or the notification's
 * verification and outcome, replay one event or everything the filter matches. The grid loads
 * lazily by keyset, so a log of millions scrolls like one of ten.
 */
@Route(value = "event-log", layout = MainLayout.class)
@PageTitle("Event log · Payhooks")
@PermitAll
public class EventLogView extends VerticalLayout implements BeforeEnterObserver, HasUrlParameter<String> {

    static final int PAGE_SIZE = 50;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final EventLogModel model;
    private final ApprovalsModel approvals;
    private final Grid<EventRow> grid = new Grid<>(EventRow.class, false);
    private EventLogFilterBar filters;
    private Button replayMatching;
    private final VerticalLayout detail = new VerticalLayout();
    private KeysetPages<EventRow, EventPage.Mark> pages;
    private EventFilter filter = EventFilter.none();
    /** The event or notification named in the URL ({@code /admin/event-log/{id}}), shown once the view is built. */
    private String requestedId;
    /** A delivery or notification status asked for in the URL ({@code ?status=DEAD}). */
    private String requestedStatus;
    /** The outbound event the detail panel shows, to show again after a replay; null for none or a notification. */
    private String shownEventId;

    @Inject
    public EventLogView(EventLogModel model, ApprovalsModel approvals) {
        this.model = model;
        this.approvals = approvals;
        addClassName("event-log-view");
        setSizeFull();
    }

    /**
     * {@code /admin/event-log/{id}} opens that outbound event or inbound notification: a link to
     * one item that does not depend on finding its row in the grid.
     */
    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String id) {
        requestedId = id == null || id.isBlank() ? null : id.trim();
        requestedStatus = event.getLocation().getQueryParameters().getParameters().getOrDefault("status", List.of()).stream()
            .findFirst().orElse(null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SecondFactorGate.require(event, model.caller(), "event-log");
        if (SecondFactorGate.verified(model.caller()) && getComponentCount() == 0) {
            build();
        }
        if (SecondFactorGate.verified(model.caller()) && requestedStatus != null) {
            filters.chooseStatus(requestedStatus, model.eventLogStatuses());  // ?status=DEAD: the dashboard's dead letters
        }
        if (SecondFactorGate.verified(model.caller()) && requestedId != null) {
            showById(requestedId);
        }
    }

    /** An event's detail if the id is an event's, else a notification's (which says so when it is neither). */
    private void showById(String id) {
        grid.asSingleSelect().clear();
        detail.removeAll();
        shownEventId = null;
        boolean event;
        try {
            model.event(id);
            event = true;
        } catch (DomainException notAnEvent) {
            event = false;
        }
        if (event) {
            showEvent(id);
        } else {
            showNotification(id);
        }
    }

    private void build() {
        filters = new EventLogFilterBar(model, this::applyFilter);
        replayMatching = Busy.on(new Button("Replay matching…", VaadinIcon.REFRESH.create()), "Counting…",
            this::confirmBulkReplay);
        replayMatching.setId("replay-matching");
        replayMatching.addThemeVariants(ButtonVariant.LUMO_SMALL);
        replayMatching.setEnabled(model.mayChange());
        filters.addAction(replayMatching);

        grid.setId("events-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> TIME.format(r.createdAt())).setHeader("Time (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> directionBadge(r.direction())).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EventRow::eventType).setHeader("Event").setAutoWidth(true).setTooltipGenerator(EventRow::eventType);
        grid.addComponentColumn(r -> EventDetailPanels.statusBadge(r.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(EventRow::counterpart).setHeader("Webhooks / from").setFlexGrow(1);
        grid.addColumn(r -> r.id().length() > 16 ? r.id().substring(0, 16) + "…" : r.id()).setHeader("Id").setAutoWidth(true)
            .setTooltipGenerator(EventRow::id);
        grid.setEmptyStateText("No events match. Events appear here when payments change, your systems publish them or "
            + "providers notify.");
        grid.asSingleSelect().addValueChangeListener(e -> showDetail(e.getValue()));
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()).stream());
        grid.setSizeFull();

        detail.setId("event-detail");
        detail.setPadding(true);
        showDetail(null);
        SplitLayout split = new SplitLayout(grid, detail);
        split.setSizeFull();
        split.setSplitterPosition(58);

        add(new H2("Event log"), filters, split);
        expand(split);
        newPages();
    }

    private static Component directionBadge(EventRow.Direction direction) {
        Span badge = new Span(direction == EventRow.Direction.INBOUND ? "in" : "out");
        badge.getElement().getThemeList().add(direction == EventRow.Direction.INBOUND ? "badge contrast pill" : "badge pill");
        badge.getElement().setAttribute("title", direction == EventRow.Direction.INBOUND
            ? "provider notification" : "event for webhooks");
        return badge;
    }

    private void applyFilter() {
        EventFilter previous = filter;
        try {
            filter = filters.filter();
            newPages();
            filters.rangeProblem(null);
            grid.getDataProvider().refreshAll();
        } catch (InvalidField invalid) {
            filter = previous;
            filters.rangeProblem(invalid.problem());
        }
    }

    private void newPages() {
        EventFilter current = filter;
        if (current.from() != null && current.to() != null && !current.from().isBefore(current.to())) {
            throw new InvalidField("to", "must be later than from");
        }
        pages = new KeysetPages<>(after -> {
            EventPage page = model.events(current, after, PAGE_SIZE);
            return new KeysetPages.Page<>(page.rows(), page.next());
        }, PAGE_SIZE);
    }

    private void showDetail(EventRow row) {
        detail.removeAll();
        shownEventId = null;
        if (row == null) {
            Span hint = new Span("Select an event to see its payload and every delivery attempt, or a provider "
                + "notification to see what arrived and how it was processed.");
            hint.getStyle().set("color", "var(--lumo-secondary-text-color)");
            detail.add(hint);
            return;
        }
        if (row.inbound()) {
            showNotification(row.id());
            return;
        }
        showEvent(row.id());
    }

    private void showEvent(String eventId) {
        DetailPanel.show(detail, () -> model.event(eventId), this::showEvent);
    }

    private void showEvent(EventDetails event) {
        shownEventId = event.eventId();
        boolean mayChange = model.mayChange();
        Button replay = Busy.on(new Button("Replay failed", VaadinIcon.REFRESH.create()), "Replaying…",
            () -> replayOne(event.eventId(), false));
        replay.setId("replay-event");
        replay.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        replay.getElement().setAttribute("title", "Send it again to the webhooks whose delivery failed");
        replay.setEnabled(mayChange);
        Button replayAll = Busy.on(new Button("Replay to all"), "Replaying…", () -> replayOne(event.eventId(), true));
        replayAll.setId("replay-event-all");
        replayAll.addThemeVariants(ButtonVariant.LUMO_SMALL);
        replayAll.getElement().setAttribute("title", "Send it again to every webhook, also those that received it");
        replayAll.setEnabled(mayChange);
        HorizontalLayout title = DetailHeading.title(new H3(event.eventType()), replay, replayAll);
        Span id = DetailHeading.identifier("detail-event-id", event.eventId());
        Pre payload = EventDetailPanels.codeBlock("event-payload", event.prettyPayload());
        detail.add(title, id, new Span("Created " + TIME.format(event.createdAt()) + " UTC"
            + (event.source().isEmpty() ? "" : " · source " + event.source())),
            EventDetailPanels.correlation(event.correlationId(), filters::search),
            EventDetailPanels.headingWithCopy(new H4("Payload"), "copy-event-payload", event.prettyPayload()), payload,
            new H4("Deliveries"));
        if (event.deliveries().isEmpty()) {
            detail.add(new Span("No webhook listened to this event when it was published."));
        }
        detail.add(EventDetailPanels.deliveries(event, mayChange, d -> replayTo(event.eventId(), d)));
    }

    private void showNotification(String notificationId) {
        DetailPanel.show(detail, () -> model.notification(notificationId),
            notification -> detail.add(EventDetailPanels.notification(notification, filters::search)));
    }

    private void replayOne(String eventId, boolean all) {
        try {
            int replayed = model.replayEvent(eventId, all);
            notice(replayed == 0 ? (all ? "Nothing to replay: its deliveries are still pending."
                : "Nothing to replay: no delivery of it failed. “Replay to all” sends it to every webhook again.")
                : queued(replayed), replayed > 0);
            refresh();
        } catch (NotAllowed | DomainException refused) {
            notice(refused.getMessage(), false);
        }
    }

    private void replayTo(String eventId, EventDetails.DeliveryDetails delivery) {
        try {
            int replayed = model.replayEventTo(eventId, delivery.webhookId());
            notice(replayed == 0 ? "Nothing to replay: its delivery to " + delivery.webhookLabel() + " is still pending."
                : "Queued again for " + delivery.webhookLabel() + ".", replayed > 0);
            refresh();
        } catch (NotAllowed | DomainException refused) {
            notice(refused.getMessage(), false);
        }
    }

    /** Reads the grid and the shown event again: what a replay changed shows at once. */
    private void refresh() {
        newPages();
        grid.getDataProvider().refreshAll();
        if (shownEventId != null) {
            String eventId = shownEventId;
            detail.removeAll();
            showEvent(eventId);
        }
    }

    private static String queued(int replayed) {
        return replayed + (replayed == 1 ? " delivery" : " deliveries") + " queued again.";
    }

    private void confirmBulkReplay() {
        EventFilter current = filter;
        int count;
        try {
            count = model.countReplayable(current);
        } catch (DomainException refused) {
            notice(refused.getMessage(), false);
            return;
        }
        if (count == 0) {
            notice("Nothing to replay: no finished deliveries match" + (current.status() == null || current.status().isEmpty()
                ? " (without a status filter, bulk replay takes dead letters)." : ".")
                + " Provider notifications are not replayed: select one to see why.", false);
            return;
        }
        String what = count + (count == 1 ? " delivery" : " deliveries");
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Replay " + what + "?");
        confirm.setText("Every finished delivery matching the current filter (dead letters unless you chose a status) starts "
            + "its retry schedule again: " + describe(current) + "."
            + ReplayOutcome.heldNote(approvals.bulkReplayThreshold(), count));
        confirm.setConfirmText("Replay " + what);
        confirm.addCancelListener(cancelled -> confirm.close());
        confirm.addConfirmListener(confirmed -> {
            confirm.close();
            Busy.during(replayMatching, "Replaying…", () -> {
                try {
                    notice(ReplayOutcome.text(model.replayMatching(current)), true);
                    refresh();
                } catch (NotAllowed | DomainException refused) {
                    notice(refused.getMessage(), false);
                }
            });
        });
        confirm.setCancelable(true);
        confirm.setId("confirm-bulk-replay");
        confirm.open();
    }

    private static String describe(EventFilter f) {
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("type", f.eventType());
        parts.put("provider", f.provider());
        parts.put("webhook", f.subscriptionId());
        parts.put("id or reference", f.idText() == null ? null : f.idText().trim());
        parts.put("status", f.status() == null || f.status().isEmpty() ? "DEAD" : f.status());
        parts.put("from", f.from() == null ? null : TIME.format(f.from()));
        parts.put("to", f.to() == null ? null : TIME.format(f.to()));
        String text = parts.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return text.isEmpty() ? "all events" : text;
    }

    private static void notice(String text, boolean success) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_START)
            .addThemeVariants(success ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
    }
}
