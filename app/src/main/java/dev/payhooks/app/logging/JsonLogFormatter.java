package dev.payhooks.app.logging;

import dev.payhooks.domain.trace.Correlation;
import dev.payhooks.domain.trace.CorrelationId;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One log record as one line of JSON: {@code time} (UTC, ISO-8601), {@code level},
 * {@code logger}, {@code thread}, {@code message} (its parameters filled in), {@code correlationId}
 * when the record was written for a piece of work that has one, and {@code exception} with the
 * stack trace when it carries one. What a line says is what the hub's code wrote: the callers keep
 * secrets and bound values out of messages and exceptions ({@code SafeErrors}).
 */
public class JsonLogFormatter extends Formatter {

    /** Formats under the thread's current correlation id: for a handler that formats where the record was logged. */
    @Override
    public String format(LogRecord record) {
        return format(record, Correlation.current());
    }

    /** The line for a record written under {@code correlation}. */
    String format(LogRecord record, Optional<CorrelationId> correlation) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "time", Instant.ofEpochMilli(record.getMillis()).toString()).append(',');
        field(line, "level", record.getLevel().getName()).append(',');
        field(line, "logger", record.getLoggerName() == null ? "" : record.getLoggerName()).append(',');
        field(line, "thread", Thread.currentThread().getName()).append(',');
        field(line, "message", formatMessage(record));
        correlation.ifPresent(id -> field(line.append(','), "correlationId", id.value()));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            field(line.append(','), "exception", trace.toString());
        }
        return line.append('}').append(System.lineSeparator()).toString();
    }

    private static StringBuilder field(StringBuilder line, String name, String value) {
        return quoted(quoted(line, name).append(':'), value);
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static StringBuilder quoted(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
