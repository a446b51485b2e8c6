package dev.payhooks.persistence.jpa;

import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.persistence.TestDatabase;
import dev.payhooks.persistence.merchant.JpaApiKeys;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failing statement's values (an API key's hash, a sealed secret) never reach the log. */
class DatabaseLogsTest {

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    /** Everything logged anywhere while it is open, as text: messages, parameters and every exception's message. */
    static final class Capture extends Handler implements AutoCloseable {
        final List<String> records = new ArrayList<>();
        final Logger root = Logger.getLogger("");

        Capture() {
            setLevel(Level.ALL);
            root.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record.getLoggerName() + " " + record.getLevel() + " "
                + new SimpleFormatter().formatMessage(record));
            for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                text.append(" | ").append(t);
            }
            records.add(text.toString());
        }

        synchronized String all() {
            return String.join("\n", records);
        }

        @Override public void flush() { }

        @Override
        public void close() {
            root.removeHandler(this);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aConstraintViolationLogsNeitherTheKeyHashNorTheSealedSecret(String kind) {
        new PayhooksPersistenceProvider(); // as the container loads it: applies DatabaseLogs
        String plaintext = "phk_" + "c3".repeat(20);
        String hash = ApiKey.hash(plaintext);
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1")) {
            db.run(em -> new JpaApiKeys(em).add(ApiKey.issue("k1", "m1", "one", plaintext,
                new SealedSecret("v1:k1:sealed-one"), Instant.parse("2026-11-23T10:00:00Z"))));
            try (Capture capture = new Capture()) {
                PersistenceException e = assertThrows(PersistenceException.class, () -> db.run(em -> new JpaApiKeys(em)
                    .add(ApiKey.issue("k2", "m1", "two", plaintext, new SealedSecret("v1:k2:SEALED-TWO-9f8e"),
                        Instant.parse("2026-11-23T10:00:00Z")))));
                assertTrue(e != null);
                String logged = capture.all();
                assertFalse(logged.contains(hash), logged);
                assertFalse(logged.contains("SEALED-TWO-9f8e"), logged);
                assertFalse(logged.contains("c3c3c3"), logged);
            }
        }
    }

    @Test
    void theStatementAndBindLoggersAreOffAndTheDriversCapped() {
        new PayhooksPersistenceProvider();
        for (String name : DatabaseLogs.SILENCED) {
            assertEquals(Level.OFF, Logger.getLogger(name).getLevel(), name);
        }
        assertFalse(Logger.getLogger("org.hibernate.orm.jdbc.bind").isLoggable(Level.FINEST));
        assertFalse(Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl").isLoggable(Level.FINE));
        assertFalse(Logger.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper").isLoggable(Level.SEVERE));
    }
}
