package dev.payhooks.admin.dashboard;


import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's chart, drawn on the server as SVG: one bar per day for the transactions
 * created (left axis), and a line for the success rate (right axis, 0–100 %), broken on days
 * where nothing was decided. No charting library: a few rectangles and a polyline.
 */
public final class ActivityChartSvg {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    static final int LEFT = 48;
    static final int RIGHT = 48;
    static final int TOP = 20;
    static final int BOTTOM = 36;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    private ActivityChartSvg() {
    }

    public static String svg(List<DailyActivity> days) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int max = niceCeiling(days.stream().mapToInt(DailyActivity::created).max().orElse(0));
        double slot = days.isEmpty() ? plotWidth : (double) plotWidth / days.size();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
            .append("\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">")
            .append("<title>Transactions created per day and success rate</title>")
            .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        // grid lines and both axes' labels: 0, half, max
        for (int i = 0; i <= 2; i++) {
            double y = TOP + plotHeight - plotHeight * i / 2.0;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(y))
                .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#e0e0e0\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4)).append("\" text-anchor=\"end\" fill=\"#555\">")
                .append(max * i / 2).append("</text>");
            svg.append("<text x=\"").append(WIDTH - RIGHT + 6).append("\" y=\"").append(fmt(y + 4)).append("\" fill=\"#2e7d32\">")
                .append(50 * i).append(" %</text>");
        }
        int labelEvery = Math.max(1, (int) Math.ceil(days.size() / 10.0));
        List<String> line = new ArrayList<>();
        List<List<String>> segments = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            DailyActivity day = days.get(i);
            double x = LEFT + slot * i;
            double barHeight = max == 0 ? 0 : (double) plotHeight * day.created() / max;
            svg.append("<rect class=\"volume\" x=\"").append(fmt(x + slot * 0.15)).append("\" y=\"")
                .append(fmt(TOP + plotHeight - barHeight)).append("\" width=\"").append(fmt(slot * 0.7)).append("\" height=\"")
                .append(fmt(barHeight)).append("\" fill=\"#1565d8\"><title>").append(day.day()).append(": ")
                .append(day.created()).append(" created, ").append(day.succeeded()).append(" succeeded, ").append(day.failed())
                .append(" failed</title></rect>");
            if (i % labelEvery == 0) {
                svg.append("<text x=\"").append(fmt(x + slot / 2)).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                    .append("\" text-anchor=\"middle\" fill=\"#555\">").append(DAY.format(day.day())).append("</text>");
            }
            if (day.successRate().isPresent()) {
                double y = TOP + plotHeight - plotHeight * day.successRate().getAsDouble();
                line.add(fmt(x + slot / 2) + "," + fmt(y));
            } else if (!line.isEmpty()) {
                segments.add(line);
                line = new ArrayList<>();
            }
        }
        if (!line.isEmpty()) {
            segments.add(line);
        }
        for (List<String> segment : segments) {
            svg.append("<polyline class=\"success-rate\" fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"2\" points=\"")
                .append(String.join(" ", segment)).append("\"/>");
            for (String point : segment) {
                String[] xy = point.split(",");
                svg.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"3\" fill=\"#2e7d32\"/>");
            }
        }
        svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 4).append("\" fill=\"#1565d8\">■ transactions created</text>")
            .append("<text x=\"").append(LEFT + 170).append("\" y=\"").append(HEIGHT - 4)
            .append("\" fill=\"#2e7d32\">● success rate (succeeded of decided)</text>")
            .append("</svg>");
        return svg.toString();
    }

    public static String dataUrl(List<DailyActivity> days) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg(days).getBytes(StandardCharsets.UTF_8));
    }

    /** The axis maximum: an even number at least as large as the biggest bar (2 when there are none). */
    static int niceCeiling(int value) {
        if (value <= 2) {
            return 2;
        }
        return value % 2 == 0 ? value : value + 1;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
