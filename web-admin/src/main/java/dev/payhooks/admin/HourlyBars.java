package dev.payhooks.admin;

import com.vaadin.flow.component.html.Div;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A bar chart of counts per hour, each bar stacked from its series (first series at the bottom),
 * scaled to the busiest hour. Each hour says its counts in a tooltip, and the chart as a whole
 * says what it shows to screen readers.
 */
public final class HourlyBars {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** A series: its name and colour (a CSS value). */
    public record Series(String name, String color) { }

    /** One hour: its start and a count per series, in the order of the series. */
    public record Hour(Instant start, List<Integer> counts) {
        public Hour {
            counts = List.copyOf(counts);
        }

        int total() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }

    private HourlyBars() {
    }

    public static Div of(String id, String description, List<Series> series, List<Hour> hours) {
        int busiest = hours.stream().mapToInt(Hour::total).max().orElse(0);
        Div chart = new Div();
        chart.setId(id);
        chart.getElement().setAttribute("role", "img");
        chart.getElement().setAttribute("aria-label", description);
        chart.getStyle().set("display", "flex").set("align-items", "flex-end").set("gap", "2px")
            .set("height", "5rem").set("width", "min(36rem, 100%)")
            .set("border-bottom", "1px solid var(--lumo-contrast-20pct)");
        for (Hour hour : hours) {
            Div column = new Div();
            column.addClassName("chart-hour");
            column.getStyle().set("flex", "1").set("display", "flex").set("flex-direction", "column-reverse")
                .set("height", "100%");
            String counts = java.util.stream.IntStream.range(0, series.size())
                .mapToObj(i -> hour.counts().get(i) + " " + series.get(i).name())
                .collect(Collectors.joining(", "));
            column.getElement().setAttribute("title", HOUR.format(hour.start()) + "–"
                + HOUR.format(hour.start().plus(1, ChronoUnit.HOURS)) + " UTC: " + counts);
            for (int i = 0; i < series.size(); i++) {
                Div bar = new Div();
                double share = busiest == 0 ? 0 : 100.0 * hour.counts().get(i) / busiest;
                bar.getStyle().set("height", String.format(Locale.ROOT, "%.1f%%", share)).set("background", series.get(i).color());
                column.add(bar);
            }
            chart.add(column);
        }
        return chart;
    }
}
