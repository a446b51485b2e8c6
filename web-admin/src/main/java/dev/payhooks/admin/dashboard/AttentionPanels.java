package dev.payhooks.admin.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import dev.payhooks.admin.HourlyBars;
import dev.payhooks.admin.eventlog.EventLogView;
import dev.payhooks.admin.transactions.TransactionsView;
import dev.payhooks.admin.webhooks.WebhooksView;
import dev.payhooks.application.dashboard.DashboardQueries;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The dashboard's "Needs attention" tiles, each linking to the list it counts, and its 24-hour activity charts. */
final class AttentionPanels {

    /** A colour per provider, in the order of {@link ProviderId}'s constants; each at least 4.5:1 against white. */
    private static final List<String> PROVIDER_COLORS = List.of("var(--lumo-primary-color)", "#8a4baf", "#b3591a",
        "#13756b", "#c2185b", "#546e7a");

    private AttentionPanels() {
    }

    /** {@code flagged}: the transactions the reconciliation flagged for staff. */
    static Component attention(DashboardQueries.Attention attention, long flagged) {
        Div tiles = new Div();
        tiles.setId("attention");
        tiles.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        if (attention.failingWebhooks() > 0) {
            tiles.add(tile("attention-failing-webhooks", Integer.toString(attention.failingWebhooks()),
                attention.failingWebhooks() == 1 ? "webhook failing" : "webhooks failing",
                new RouterLink("Webhooks", WebhooksView.class)));
        }
        if (attention.deadLetters().value() > 0) {
            RouterLink link = new RouterLink("Event log", EventLogView.class);
            link.setQueryParameters(QueryParameters.simple(Map.of("status", "DEAD")));
            tiles.add(tile("attention-dead-letters", shown(attention.deadLetters()),
                "dead letters in " + DashboardQueries.DEAD_LETTER_DAYS + " days", link));
        }
        if (flagged > 0) {
            RouterLink link = new RouterLink("Transactions", TransactionsView.class);
            link.setQueryParameters(QueryParameters.simple(Map.of("needsAttention", "true")));
            tiles.add(tile("attention-flagged-transactions", Long.toString(flagged),
                flagged == 1 ? "transaction flagged by reconciliation" : "transactions flagged by reconciliation", link));
        }
        attention.waiting().forEach((status, count) -> {
            if (count.value() > 0) {
                RouterLink link = new RouterLink("Transactions", TransactionsView.class);
                link.setQueryParameters(QueryParameters.simple(Map.of("status", status.name())));
                tiles.add(tile("attention-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'), shown(count),
                    human(status) + " for over an hour", link));
            }
        });
        VerticalLayout section = new VerticalLayout(new H3("Needs attention"));
        section.setPadding(false);
        if (tiles.getChildren().findAny().isEmpty()) {
            Span fine = new Span("Nothing needs attention: every webhook's latest attempt succeeded, no dead letters in "
                + DashboardQueries.DEAD_LETTER_DAYS + " days, no transaction waiting for over an hour or flagged by reconciliation.");
            fine.setId("attention-none");
            fine.getElement().getThemeList().add("badge success");
            section.add(fine);
        } else {
            section.add(tiles);
        }
        return section;
    }

    static Component activity(List<DashboardQueries.Hour> hours) {
        List<ProviderId> providers = Arrays.stream(ProviderId.values())
            .filter(p -> hours.stream().anyMatch(h -> h.notifications().containsKey(p))).toList();
        List<HourlyBars.Series> series = new ArrayList<>();
        for (ProviderId provider : providers) {
            series.add(new HourlyBars.Series(provider.displayName(), PROVIDER_COLORS.get(provider.ordinal() % PROVIDER_COLORS.size())));
        }
        int received = hours.stream().mapToInt(h -> h.notifications().values().stream().mapToInt(Integer::intValue).sum()).sum();
        Div inbound = HourlyBars.of("inbound-chart", "Provider notifications per hour over the last 24 hours: " + received,
            series, hours.stream().map(h -> new HourlyBars.Hour(h.start(),
                providers.stream().map(p -> h.notifications().getOrDefault(p, 0)).toList())).toList());
        int succeeded = hours.stream().mapToInt(DashboardQueries.Hour::attemptsSucceeded).sum();
        int failed = hours.stream().mapToInt(DashboardQueries.Hour::attemptsFailed).sum();
        Div outbound = HourlyBars.of("outbound-chart", "Webhook delivery attempts per hour over the last 24 hours: "
                + succeeded + " succeeded, " + failed + " failed",
            List.of(new HourlyBars.Series("succeeded", "var(--lumo-success-color)"),
                new HourlyBars.Series("failed", "var(--lumo-error-color)")),
            hours.stream().map(h -> new HourlyBars.Hour(h.start(), List.of(h.attemptsSucceeded(), h.attemptsFailed()))).toList());
        Span inboundTotals = new Span(received + " provider notifications" + (providers.isEmpty() ? "" : " ("
            + String.join(", ", providers.stream().map(p -> p.displayName() + " "
                + hours.stream().mapToInt(h -> h.notifications().getOrDefault(p, 0)).sum()).toList()) + ")"));
        inboundTotals.setId("inbound-totals");
        Span outboundTotals = new Span((succeeded + failed) + " webhook attempts, " + failed + " failed");
        outboundTotals.setId("outbound-totals");
        VerticalLayout section = new VerticalLayout(new H3("Last 24 hours"), new Span("Notifications received"), inbound,
            inboundTotals, new Span("Webhook deliveries"), outbound, outboundTotals);
        section.setPadding(false);
        return section;
    }

    private static Component tile(String id, String figure, String caption, RouterLink link) {
        Span number = new Span(figure);
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600")
            .set("color", "var(--lumo-error-text-color)");
        Div tile = new Div(number, new Div(new Span(caption)), link);
        tile.setId(id);
        tile.getStyle().set("padding", "var(--lumo-space-m)").set("border", "1px solid var(--lumo-contrast-20pct)")
            .set("border-radius", "var(--lumo-border-radius-l)").set("min-width", "10rem");
        return tile;
    }

    private static String shown(DashboardQueries.Count count) {
        return count.value() + (count.atLeast() ? "+" : "");
    }

    private static String human(TransactionStatus status) {
        String words = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
