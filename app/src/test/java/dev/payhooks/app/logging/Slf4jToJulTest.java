package dev.payhooks.app.logging;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Libraries in the WAR (Vaadin's flow-server) log through SLF4J. Payara provides no SLF4J
 * provider, so the WAR carries slf4j-jdk14 and their records reach java.util.logging, the
 * server's log. The test classpath holds the WAR's runtime dependencies.
 */
class Slf4jToJulTest {

    @Test
    void theWarCarriesExactlyOneSlf4jProvider() {
        List<String> providers = new ArrayList<>();
        ServiceLoader.load(SLF4JServiceProvider.class).forEach(provider -> providers.add(provider.getClass().getName()));
        assertEquals(List.of("org.slf4j.jul.JULServiceProvider"), providers);
    }

    @Test
    void slf4jRecordsReachAJavaUtilLoggingHandler() {
        String name = "dev.payhooks.test.slf4j";
        Logger jul = Logger.getLogger(name);
        List<LogRecord> seen = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                seen.add(logRecord);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        try {
            LoggerFactory.getLogger(name).warn("library warning {}", 42);
        } finally {
            jul.removeHandler(handler);
        }
        assertFalse(seen.isEmpty(), "the SLF4J record was dropped");
        assertEquals(Level.WARNING, seen.get(0).getLevel());
        assertEquals("library warning 42", seen.get(0).getMessage());
        assertEquals(name, seen.get(0).getLoggerName());
    }
}
