package dev.payhooks.app.logging;

import dev.payhooks.app.config.PayhooksSettings.LogFormat;
import dev.payhooks.domain.trace.Correlation;
import dev.payhooks.domain.trace.CorrelationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubLogsTest {

    private static final CorrelationId ID = new CorrelationId("it-7f3a");

    @AfterEach
    void restore() {
        Logger hub = Logger.getLogger(HubLogs.HUB_LOGGER);
        for (Handler handler : hub.getHandlers()) {
            hub.removeHandler(handler);
        }
        hub.setUseParentHandlers(true);
    }

    @Test
    void aJsonLineHasTheRecordItsCorrelationIdAndItsExceptionEscaped() {
        LogRecord record = new LogRecord(Level.WARNING, "Delivery {0} failed: \"quoted\"\tand\nnew line \u0001");
        record.setParameters(new Object[] {"d-1"});
        record.setLoggerName("dev.payhooks.app.delivery.DeliveryScheduler");
        record.setInstant(Instant.parse("2026-12-07T01:02:03.456Z"));
        record.setThrown(new IllegalStateException("database unavailable"));

        String line = new JsonLogFormatter().format(record, Optional.of(ID));

        assertTrue(line.endsWith(System.lineSeparator()), "one record, one line");
        assertFalse(line.strip().contains("\n"), "no raw line break inside the line");
        JsonObject json = Json.createReader(new StringReader(line)).readObject();
        assertEquals("2026-12-07T01:02:03.456Z", json.getString("time"));
        assertEquals("WARNING", json.getString("level"));
        assertEquals("dev.payhooks.app.delivery.DeliveryScheduler", json.getString("logger"));
        assertEquals("Delivery d-1 failed: \"quoted\"\tand\nnew line \u0001", json.getString("message"));
        assertEquals("it-7f3a", json.getString("correlationId"));
        assertTrue(json.getString("exception").startsWith("java.lang.IllegalStateException: database unavailable"),
            json.getString("exception"));
        assertEquals(Thread.currentThread().getName(), json.getString("thread"));
    }

    @Test
    void aLineOutsideAnyWorkHasNoCorrelationId() {
        LogRecord record = new LogRecord(Level.INFO, "Delivery engine started");
        JsonObject json = Json.createReader(new StringReader(new JsonLogFormatter().format(record))).readObject();
        assertFalse(json.containsKey("correlationId"));
        assertFalse(json.containsKey("exception"));
        assertEquals("", json.getString("logger"));
    }

    @Test
    void theFormatterTakesTheCurrentIdWhereTheRecordIsFormatted() {
        try (Correlation.Unit unit = Correlation.open(Optional.of(ID))) {
            assertTrue(new JsonLogFormatter().format(new LogRecord(Level.INFO, "x")).contains("\"correlationId\":\"it-7f3a\""));
        }
    }

    @Test
    void textStampsEveryLineOfTheHubWithItsIdAndPassesItOnToTheServersHandlers() {
        HubLogs.install(LogFormat.TEXT);
        List<String> seen = new ArrayList<>();
        Handler server = recording(seen);
        Logger parent = Logger.getLogger("dev");
        parent.addHandler(server);
        try {
            Logger logger = Logger.getLogger("dev.payhooks.app.inbound.NotificationInbox");
            logger.info("outside any work");
            try (Correlation.Unit unit = Correlation.open(Optional.of(ID))) {
                logger.log(Level.WARNING, "Notification {0} could not be applied yet", "n-1");
            }
        } finally {
            parent.removeHandler(server);
        }
        assertEquals(List.of("outside any work", "[it-7f3a] Notification n-1 could not be applied yet"), seen);
        assertTrue(Logger.getLogger(HubLogs.HUB_LOGGER).getUseParentHandlers());
    }

    @Test
    void jsonTakesTheHubsLinesOffTheServersHandlersAndAnotherInstallReplacesTheHandler() {
        HubLogs.install(LogFormat.TEXT);
        HubLogs.install(LogFormat.JSON);
        Logger hub = Logger.getLogger(HubLogs.HUB_LOGGER);
        assertEquals(1, hub.getHandlers().length, "one handler, whatever installed before");
        assertFalse(hub.getUseParentHandlers());
        assertTrue(hub.getHandlers()[0].getFormatter() instanceof JsonLogFormatter);
    }

    private static Handler recording(List<String> seen) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
