package dev.payhooks.app.logging;

import dev.payhooks.app.config.PayhooksSettings.LogFormat;
import dev.payhooks.domain.trace.Correlation;
import dev.payhooks.domain.trace.CorrelationId;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts the correlation id of the work at hand ({@link Correlation}) on every line the hub logs,
 * in one place: a handler on the {@code dev.payhooks} logger, above every logger of the hub. It
 * runs on the thread that logs, where the id is current, before any handler of the server (which
 * may format later, on a thread of its own).
 *
 * <ul>
 *   <li>{@code payhooks.log.format=text} (default): the record goes on to the server's handlers
 *       as before (console, {@code server.log}) with {@code [<correlation id>] } in front of its
 *       message.</li>
 *   <li>{@code json}: the record is written as one JSON object per line ({@link JsonLogFormatter})
 *       to the process's standard output, and not to the server's handlers.</li>
 * </ul>
 * Libraries (the server, Hibernate, Flyway) log as they always do, without the id.
 */
public final class HubLogs {

    static final String HUB_LOGGER = "dev.payhooks";

    /** Strong reference: java.util.logging forgets the handlers of a logger nobody holds. */
    private static final Logger HUB = Logger.getLogger(HUB_LOGGER);

    private HubLogs() {
    }

    /** Installs the handler for the format, replacing one an earlier deployment installed. */
    public static void install(LogFormat format) {
        for (Handler handler : HUB.getHandlers()) {
            // by name: a handler of an earlier deployment comes from another class loader
            if (handler.getClass().getName().equals(CorrelatedHandler.class.getName())) {
                HUB.removeHandler(handler);
                handler.close();
            }
        }
        HUB.addHandler(format == LogFormat.JSON
            ? new CorrelatedHandler(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8))
            : new CorrelatedHandler(null));
        HUB.setUseParentHandlers(format == LogFormat.TEXT);
    }

    /** {@code [<id>] } in front of a message (text format). */
    static String stamped(CorrelationId id, String message) {
        return "[" + id.value() + "] " + (message == null ? "" : message);
    }

    /**
     * Text: stamps the record's message and leaves the output to the server's handlers. JSON:
     * writes the record to {@code out}.
     */
    static final class CorrelatedHandler extends Handler {

        private final PrintStream out;

        CorrelatedHandler(PrintStream out) {
            this.out = out;
            setLevel(Level.ALL);
            if (out != null) {
                setFormatter(new JsonLogFormatter());
            }
        }

        @Override
        public void publish(LogRecord record) {
            if (record == null) {
                return;
            }
            Optional<CorrelationId> id = Correlation.current();
            if (out == null) {
                id.ifPresent(current -> record.setMessage(stamped(current, record.getMessage())));
                return;
            }
            if (!isLoggable(record)) {
                return;
            }
            try {
                String line = ((JsonLogFormatter) getFormatter()).format(record, id);
                synchronized (out) {
                    out.print(line);
                }
            } catch (RuntimeException e) {
                reportError("a log record could not be written", e, ErrorManager.FORMAT_FAILURE);
            }
        }

        @Override
        public void flush() {
            if (out != null) {
                out.flush();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
