package dev.payhooks.app.logging;

import dev.payhooks.domain.outbound.JsonText;
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
        String exception = null;
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            exception = trace.toString();
        }
        return JsonText.object()
            .string("time", Instant.ofEpochMilli(record.getMillis()).toString())
            .string("level", record.getLevel().getName())
            .string("logger", record.getLoggerName() == null ? "" : record.getLoggerName())
            .string("thread", Thread.currentThread().getName())
            .string("message", formatMessage(record))
            .string("correlationId", correlation.map(CorrelationId::value).orElse(null))
            .string("exception", exception)
            .toJson() + System.lineSeparator();
    }
}
