package dev.payhooks.admin.webhooks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
import com.vaadin.flow.router.RouterLink;
import dev.payhooks.admin.DateTimeBoxes;
import dev.payhooks.admin.Busy;
import dev.payhooks.admin.CopyButton;
import dev.payhooks.admin.HourlyBars;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Notices;
import dev.payhooks.admin.approvals.ApprovalsModel;
import dev.payhooks.admin.approvals.ReplayOutcome;
import dev.payhooks.admin.layout.MainLayout;
import dev.payhooks.admin.secondfactor.SecondFactorGate;
import dev.payhooks.application.webhooks.WebhookOverview;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.outbound.AttemptHistory;
import dev.payhooks.domain.outbound.DeliveryOptions;
import dev.payhooks.domain.outbound.WebhookHealth;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One webhook's page (opened from its row in the webhooks grid): its settings, its state
 * (healthy, failing since, disabled and why), its delivery health over 24 hours with a chart of
 * attempts per hour, its latest attempts, and "send test", "replay dead letters since…" and
 * enable/disable for those who may change webhooks.
 */
@Route(value = "webhooks/:id", layout = MainLayout.class)
@PageTitle("Webhook · Payhooks")
@PermitAll
public class WebhookView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final WebhookPageModel page;
    private final WebhooksModel webhooks;
    private final ApprovalsModel approvals;
    private String id;

    @Inject
    public WebhookView(WebhookPageModel page, WebhooksModel webhooks, ApprovalsModel approvals) {
        this.page = page;
        this.webhooks = webhooks;
        this.approvals = approvals;
        addClassName("webhook-view");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SecondFactorGate.require(event, webhooks.caller(), "webhooks");
        id = event.getRouteParameters().get("id").orElse("");
        if (SecondFactorGate.verified(webhooks.caller())) {
            render();
        }
    }

    private void render() {
        removeAll();
        RouterLink back = new RouterLink("← Webhooks", WebhooksView.class);
        back.setId("back-to-webhooks");
        WebhookOverview.Overview overview;
        WebhookSummary summary;
        try {
            overview = page.overview(id);
            summary = webhooks.webhook(id);
        } catch (NotFound gone) {
            H2 missing = new H2("Webhook not found");
            missing.setId("webhook-page-title");
            add(back, missing, new Paragraph("There is no webhook with this id for your merchant."));
            return;
        }
        boolean mayChange = webhooks.mayChange();
        H2 title = new H2(summary.label());
        title.setId("webhook-page-title");
        HorizontalLayout header = new HorizontalLayout(title, state(summary, overview.health()));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(back, header, actions(summary, mayChange), settings(summary, overview.webhook().delivery()),
            health(overview.health()), latest(overview));
    }

    private static Component state(WebhookSummary summary, WebhookHealth health) {
        Span badge = new Span();
        badge.setId("webhook-state");
        if (!summary.enabled()) {
            badge.setText("Disabled" + summary.disabledBecause().map(why -> ": " + why).orElse(""));
            badge.getElement().getThemeList().add("badge error");
        } else if (health.failingSince().isPresent()) {
            badge.setText("Failing since " + TIME.format(health.failingSince().get()) + " UTC");
            badge.getElement().getThemeList().add("badge error");
        } else if (health.attempts() == 0) {
            badge.setText("No deliveries in the last 24 hours");
            badge.getElement().getThemeList().add("badge contrast");
        } else {
            badge.setText("Healthy");
            badge.getElement().getThemeList().add("badge success");
        }
        return badge;
    }

    private Component actions(WebhookSummary summary, boolean mayChange) {
        Button test = Busy.on(new Button("Send test", VaadinIcon.PAPERPLANE.create()), "Sending…",
            () -> WebhookButtons.sendTest(webhooks, summary));
        test.setId("webhook-send-test");
        Button toggle = new Button(summary.enabled() ? "Disable" : "Enable",
            click -> WebhookButtons.toggle(webhooks, summary, this::render));
        toggle.setId("webhook-toggle");
        if (summary.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button replay = new Button("Replay dead letters since…", VaadinIcon.REFRESH.create(), click -> askReplaySince(click.getSource()));
        replay.setId("webhook-replay-dead");
        for (Button button : new Button[] {test, toggle, replay}) {
            button.setEnabled(mayChange);
            if (!mayChange) {
                button.setTooltipText("Your role lets you look, not change.");
            }
        }
        return new HorizontalLayout(test, replay, toggle);
    }

    private static Component settings(WebhookSummary summary, DeliveryOptions delivery) {
        Div list = new Div();
        list.setId("webhook-settings");
        list.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
            .set("gap", "var(--lumo-space-xs) var(--lumo-space-m)");
        Span url = new Span(summary.url());
        url.setId("webhook-url");
        HorizontalLayout urlRow = new HorizontalLayout(url, CopyButton.of("copy-webhook-url", summary::url, "Hook URL copied."));
        urlRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row(list, "Hook URL", urlRow);
        row(list, "Events", new Span(String.join(", ", summary.events())));
        row(list, "Authentication", new Span(summary.authentication() == WebhookDraft.AuthenticationChoice.BASIC
            ? "Basic, user " + summary.basicUsername() : "None"));
        row(list, "Signature", new Span(summary.signature().label()));
        row(list, "Timeout", new Span(delivery.timeoutSeconds() + " s"));
        row(list, "Order", new Span(delivery.fifo() ? "One at a time, in publish order" : "In parallel"));
        row(list, "Rate limit", new Span(delivery.rateLimit().map(n -> n + " per second").orElse("None")));
        VerticalLayout section = new VerticalLayout(new H3("Settings"), list);
        section.setPadding(false);
        return section;
    }

    private static void row(Div list, String label, Component value) {
        Span name = new Span(label);
        name.getStyle().set("color", "var(--lumo-secondary-text-color)");
        list.add(name, value);
    }

    private static Component health(WebhookHealth health) {
        Span rate = stat("webhook-success-rate", "Success rate",
            health.successRate().map(r -> String.format(Locale.ROOT, "%.1f %%", r)).orElse("—"));
        Span p95 = stat("webhook-p95", "p95 latency", health.p95Latency().map(d -> d.toMillis() + " ms").orElse("—"));
        Span attempts = stat("webhook-attempt-count", "Attempts", Integer.toString(health.attempts()));
        HorizontalLayout figures = new HorizontalLayout(rate, p95, attempts);
        VerticalLayout section = new VerticalLayout(new H3("Last 24 hours"), figures, chart(health));
        if (health.sampled()) {
            section.add(new Paragraph("Figures are of the newest " + WebhookOverview.SAMPLE_LIMIT + " attempts."));
        }
        section.setPadding(false);
        return section;
    }

    private static Span stat(String id, String label, String value) {
        Span figure = new Span(value);
        figure.setId(id);
        figure.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Span both = new Span(figure, new Div(caption));
        both.getStyle().set("margin-right", "var(--lumo-space-xl)");
        return both;
    }

    /** Attempts per hour as stacked bars: succeeded below, failed on top. */
    private static Component chart(WebhookHealth health) {
        return HourlyBars.of("webhook-chart", "Attempts per hour over the last 24 hours: " + health.succeeded()
                + " succeeded, " + (health.attempts() - health.succeeded()) + " failed",
            List.of(new HourlyBars.Series("succeeded", "var(--lumo-success-color)"),
                new HourlyBars.Series("failed", "var(--lumo-error-color)")),
            health.hours().stream().map(h -> new HourlyBars.Hour(h.start(), List.of(h.succeeded(), h.failed()))).toList());
    }

    private static Component latest(WebhookOverview.Overview overview) {
        Grid<AttemptHistory.Attempt> grid = new Grid<>();
        grid.setId("webhook-attempts-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(a -> TIME.format(a.startedAt())).setHeader("Started (UTC)").setAutoWidth(true);
        grid.addColumn(AttemptHistory.Attempt::eventType).setHeader("Event type").setAutoWidth(true);
        grid.addComponentColumn(a -> new RouterLink(a.eventId().substring(0, Math.min(12, a.eventId().length())) + "…",
                dev.payhooks.admin.eventlog.EventLogView.class, a.eventId()))
            .setHeader("Event").setAutoWidth(true);
        grid.addColumn(AttemptHistory.Attempt::number).setHeader("Attempt").setAutoWidth(true);
        grid.addColumn(a -> a.httpStatus().map(s -> "HTTP " + s).orElse(a.errorClass().orElse("")))
            .setHeader("Result").setAutoWidth(true);
        grid.addColumn(a -> a.latency().toMillis() + " ms").setHeader("Latency").setAutoWidth(true);
        grid.setItems(overview.latest());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No attempts in the last 24 hours.");
        VerticalLayout section = new VerticalLayout(new H3("Latest attempts"), grid);
        section.setPadding(false);
        return section;
    }


    /** Asks from when, counts the dead letters and confirms; {@code replay} shows busy while that counts and replays. */
    private void askReplaySince(Button replay) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Replay dead letters since…");
        DateTimePicker since = new DateTimePicker("Since (UTC)");
        DateTimeBoxes.named(since, "webhook-replay-since");
        since.setValue(LocalDateTime.ofInstant(Instant.now().minus(1, ChronoUnit.DAYS), ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MINUTES));
        Button next = new Button("Continue", click -> {
            if (since.getValue() == null) {
                since.setInvalid(true);
                since.setErrorMessage("Pick the time the replay starts from.");
                return;
            }
            dialog.close();
            Instant from = since.getValue().toInstant(ZoneOffset.UTC);
            Busy.during(replay, "Counting…", () -> confirmReplay(from, replay));
        });
        next.addClickShortcut(Key.ENTER).listenOn(dialog).resetFocusOnActiveElement();
        next.setId("webhook-replay-continue");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("Events whose delivery to this webhook ended dead (every retry failed) are sent again."),
            since);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), next);
        dialog.open();
    }

    private void confirmReplay(Instant since, Button replay) {
        int count;
        try {
            count = page.deadSince(id, since);
        } catch (DomainException refused) {
            Notices.problem(refused.getMessage());
            return;
        }
        if (count == 0) {
            Notices.success("No dead letters for this webhook since " + TIME.format(since) + " UTC.");
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog("Replay " + count + (count == 1 ? " dead letter?" : " dead letters?"),
            count + (count == 1 ? " event is" : " events are") + " sent to this webhook again."
                + ReplayOutcome.heldNote(approvals.bulkReplayThreshold(), count), "Replay",
            ok -> Busy.during(replay, "Replaying…", () -> {
                try {
                    Notices.success(ReplayOutcome.text(page.replayDeadSince(id, since)));
                    render();
                } catch (NotAllowed | DomainException refused) {
                    Notices.problem(refused.getMessage());
                }
            }));
        confirm.setCancelable(true);
        confirm.setId("confirm-webhook-replay");
        confirm.open();
    }

}
