package dev.payhooks.admin.eventlog;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.payhooks.admin.Busy;
import dev.payhooks.admin.DetailHeading;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static dev.payhooks.admin.eventlog.EventLogView.TIME;

/** The event log's detail panel parts: an event's deliveries with their attempts, a notification, badges and code blocks. */
final class EventDetailPanels {

    private EventDetailPanels() {
    }

    static Component statusBadge(String status) {
        Span badge = new Span(status);
        String theme = switch (status) {
            case "SUCCEEDED", "PROCESSED" -> "badge success";
            case "DEAD", "FAILED" -> "badge error";
            case "PENDING", "RECEIVED" -> "badge";
            default -> "badge contrast";
        };
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    /** A heading with a button that copies {@code text} (what the block under it shows). */
    static Component headingWithCopy(Component heading, String copyId, String text) {
        com.vaadin.flow.component.button.Button copy = dev.payhooks.admin.CopyButton.of(copyId, () -> text, "Copied.");
        copy.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL,
            com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        com.vaadin.flow.component.orderedlayout.HorizontalLayout row =
            new com.vaadin.flow.component.orderedlayout.HorizontalLayout(heading, copy);
        row.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        return row;
    }

    static Pre codeBlock(String id, String text) {
        Pre block = new Pre();
        JsonHighlight.fill(block, text);
        block.setId(id);
        block.getStyle().set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s)")
            .set("max-height", "20rem").set("overflow", "auto").set("font-size", "var(--lumo-font-size-s)").set("width", "100%")
            .set("white-space", "pre-wrap").set("word-break", "break-all").set("flex-shrink", "0");
        return block;
    }

    /**
     * Each delivery of the event with its attempts, and (enabled for staff who may change) a
     * button that sends the event again to that webhook only, once its delivery has finished.
     */
    static Component[] deliveries(EventDetails event, boolean mayReplay, Consumer<EventDetails.DeliveryDetails> replay) {
        List<Component> all = new ArrayList<>();
        for (EventDetails.DeliveryDetails d : event.deliveries()) {
            Div header = new Div(statusBadge(d.status()), new Span(" " + d.webhookLabel()));
            header.addClassName("delivery-header");
            if (d.deadReason() != null) {
                header.add(new Span(" — " + d.deadReason()));
            }
            Button again = Busy.on(new Button("Replay to this webhook"), "Replaying…", () -> replay.accept(d));
            again.addClassName("replay-delivery");
            again.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            again.getElement().setAttribute("aria-label", "Replay to " + d.webhookLabel());
            again.setEnabled(mayReplay && !"PENDING".equals(d.status()));
            header.add(again);
            all.add(header);
            all.add(AttemptTimeline.of(d));
        }
        return all.toArray(Component[]::new);
    }

    /**
     * The correlation id an event or notification carries, with a button that puts it in the
     * log's search ({@code follow}): the notification and every event of the same request show.
     */
    static Div correlation(String correlationId, Consumer<String> follow) {
        Div line = fact("Correlation id", correlationId.isEmpty() ? "none" : correlationId);
        line.setId("detail-correlation-id");
        if (!correlationId.isEmpty()) {
            Button trail = new Button("Show all with this id", click -> follow.accept(correlationId));
            trail.setId("follow-correlation-id");
            trail.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            line.add(trail);
        }
        return line;
    }

    /** A provider notification: what arrived, how it was verified and processed, and why it offers no replay. */
    static Component[] notification(NotificationDetails n, Consumer<String> followCorrelation) {
        HorizontalLayout title = DetailHeading.title(new H3(n.providerName() + " notification"), statusBadge(n.status()));
        Span id = DetailHeading.identifier("detail-notification-id", n.id());
        Div facts = new Div();
        facts.setId("notification-facts");
        facts.add(fact("Received", TIME.format(n.receivedAt()) + " UTC" + (n.channel().isEmpty() ? "" : " · channel " + n.channel())));
        facts.add(fact("Key", n.key()));
        facts.add(fact("Verification", n.verification() + (n.verificationFailure().isEmpty() ? "" : " — " + n.verificationFailure())));
        facts.add(fact("Processing", n.status() + " · " + n.attempts() + (n.attempts() == 1 ? " attempt" : " attempts")
            + " of " + n.maxAttempts() + (n.lastAttemptAt() == null ? "" : " · last " + TIME.format(n.lastAttemptAt()) + " UTC")));
        if (!n.statusReason().isEmpty()) {
            facts.add(fact("FAILED".equals(n.status()) ? "Last error" : "Reason", n.statusReason()));
        }
        Div transaction = fact("Transaction", n.transactionId().isEmpty() ? "none" : "");
        transaction.setId("notification-transaction");
        if (!n.transactionId().isEmpty()) {
            transaction.add(new com.vaadin.flow.router.RouterLink(n.transactionId(),
                dev.payhooks.admin.transactions.TransactionsView.class, n.transactionId()));
        }
        facts.add(transaction);
        facts.add(correlation(n.correlationId(), followCorrelation));
        Span replay = new Span(n.replayNote());
        replay.setId("notification-replay-note");
        replay.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        String headers = n.maskedHeaders().entrySet().stream().map(h -> h.getKey() + ": " + h.getValue())
            .collect(Collectors.joining("\n"));
        return new Component[] {title, id, facts, new H4("Replay"), replay, new H4("Headers (secrets masked)"),
            codeBlock("notification-headers", headers.isEmpty() ? "(none kept)" : headers),
            headingWithCopy(new H4(n.personalDataMasked() ? "Body (personal data redacted: your role lets you look, not change)"
                : "Body (" + n.bodyBytes() + " bytes)"), "copy-notification-body", n.prettyBody()),
            codeBlock("notification-body", n.prettyBody())};
    }

    static Div fact(String label, String value) {
        Span name = new Span(label + ": ");
        name.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div line = new Div(name, new Span(value));
        line.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return line;
    }

}
