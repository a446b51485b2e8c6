package dev.payhooks.admin.eventlog;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;

import static dev.payhooks.admin.eventlog.EventLogView.TIME;

/**
 * A delivery's attempts as a timeline, oldest first: each attempt's time, HTTP status or error,
 * latency and response excerpt, then, while the delivery is pending, when the next retry is due.
 * An ordered list (screen readers announce "list, n items"); the marker's colour repeats what the
 * text says, never only it.
 */
final class AttemptTimeline {

    private AttemptTimeline() {
    }

    static Component of(EventDetails.DeliveryDetails delivery) {
        OrderedList timeline = new OrderedList();
        timeline.addClassName("attempts-timeline");
        timeline.getElement().setAttribute("aria-label", "Attempts to deliver to " + delivery.webhookLabel());
        timeline.getStyle().set("list-style", "none").set("margin", "0 0 var(--lumo-space-m) 0")
            .set("padding", "0 0 0 var(--lumo-space-s)").set("font-size", "var(--lumo-font-size-s)");
        for (EventDetails.AttemptDetails attempt : delivery.attempts()) {
            ListItem item = step(attempt.success() ? "var(--lumo-success-color)" : "var(--lumo-error-color)");
            item.addClassName("attempt");
            Span status = new Span(attempt.httpStatus() != null ? "HTTP " + attempt.httpStatus()
                : attempt.errorClass() == null ? "no answer" : attempt.errorClass());
            status.addClassName("attempt-status");
            status.getStyle().set("font-weight", "600")
                .set("color", attempt.success() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            item.add(muted("#" + attempt.number() + " · " + TIME.format(attempt.startedAt()) + " UTC · "), status,
                muted(" · " + attempt.latencyMillis() + " ms"));
            if (!attempt.success() && attempt.httpStatus() != null && attempt.errorClass() != null) {
                item.add(new Span(" · " + attempt.errorClass()));
            }
            if (attempt.responseExcerpt() != null && !attempt.responseExcerpt().isEmpty()) {
                Span response = new Span(attempt.responseExcerpt());
                response.addClassName("attempt-response");
                response.getStyle().set("display", "block").set("font-family", "var(--lumo-font-family-monospace, monospace)")
                    .set("white-space", "pre-wrap").set("word-break", "break-all").set("color", "var(--lumo-secondary-text-color)");
                item.add(response);
            }
            timeline.add(item);
        }
        if (delivery.attempts().isEmpty()) {
            ListItem none = step("var(--lumo-contrast-70pct)");
            none.add(muted("Not attempted yet."));
            timeline.add(none);
        }
        if ("PENDING".equals(delivery.status()) && delivery.nextAttemptAt() != null) {
            ListItem next = step("var(--lumo-contrast-70pct)");
            next.addClassName("attempt-next-retry");
            next.add(new Span((delivery.attempts().isEmpty() ? "First attempt " : "Next retry ")
                + TIME.format(delivery.nextAttemptAt()) + " UTC"));
            timeline.add(next);
        }
        return timeline;
    }

    /** One step of the timeline: a line on its left in {@code colour}. */
    private static ListItem step(String colour) {
        ListItem item = new ListItem();
        item.getStyle().set("border-left", "3px solid " + colour).set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
            .set("margin-bottom", "var(--lumo-space-xs)");
        return item;
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return span;
    }
}
