package dev.payhooks.application.audit;

import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.AuditTrail;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** A merchant's audit trail as staff read it: newest first, filtered, keyset paging, and as CSV. Read-only. */
public class AuditQueries {

    /** The most entries one CSV export holds (the newest that match). */
    public static final int EXPORT_LIMIT = 10_000;
    private static final int EXPORT_PAGE = 500;

    private final AuditTrail trail;

    public AuditQueries(AuditTrail trail) {
        this.trail = trail;
    }

    public AuditTrail.Page page(String merchantId, Optional<AuditTrail.Cursor> after, int limit) {
        return trail.newest(merchantId, after, limit);
    }

    public AuditTrail.Page page(String merchantId, AuditTrail.Filter filter, Optional<AuditTrail.Cursor> after, int limit) {
        return trail.newest(merchantId, filter, after, limit);
    }

    /**
     * The entries that match as CSV (RFC 4180, UTF-8, header row; time in ISO 8601 UTC), newest
     * first, at most {@link #EXPORT_LIMIT}. A cell a spreadsheet would take for a formula
     * (starting with {@code = + - @}, tab or carriage return) is prefixed with an apostrophe, so
     * opening the file never runs what someone typed into a label.
     */
    public String csv(String merchantId, AuditTrail.Filter filter) {
        StringBuilder csv = new StringBuilder("time,actor,via,action,subject,detail\r\n");
        Optional<AuditTrail.Cursor> after = Optional.empty();
        int written = 0;
        do {
            AuditTrail.Page page = trail.newest(merchantId, filter, after, Math.min(EXPORT_PAGE, EXPORT_LIMIT - written));
            for (AuditEntry e : page.entries()) {
                row(csv, List.of(DateTimeFormatter.ISO_INSTANT.format(e.at()), e.actor(), e.source().name(), e.action(),
                    e.subject(), e.detail()));
                written++;
            }
            after = page.next();
        } while (after.isPresent() && written < EXPORT_LIMIT);
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
