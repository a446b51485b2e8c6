package dev.payhooks.adapters.api;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 500's log line: an incident id the answer names too, and nothing of the failed statement's values. */
class ApiExceptionMapperTest {

    static final String HASH = "9c1f0e5f6b2d4a7c8e3b1a0d9f8e7c6b5a4d3c2b1a0f9e8d7c6b5a4d3c2b1a0f";
    static final String SEALED = "v1:k2:SEALED-ab12cd34";

    /** What Hibernate hands up when H2 or PostgreSQL refuses a duplicate API key. */
    static RuntimeException duplicateKey() {
        SQLIntegrityConstraintViolationException h2 = new SQLIntegrityConstraintViolationException(
            "Unique index or primary key violation: \"PUBLIC.UQ_API_KEY_HASH ON PUBLIC.API_KEY(KEY_HASH) VALUES ( /* 1 */ '"
                + HASH + "' )\"; SQL statement:\ninsert into api_key (id, key_hash, sealed_key) values (?, ?, ?)", "23505", 23505);
        SQLIntegrityConstraintViolationException pg = new SQLIntegrityConstraintViolationException(
            "ERROR: duplicate key value violates unique constraint \"uq_api_key_hash\"\n  Detail: Key (key_hash)=(" + HASH
                + ") already exists.", "23505", 0, h2);
        PersistenceException jpa = new PersistenceException("could not execute statement [" + pg.getMessage()
            + "] [insert into api_key (...) values ('k2','" + HASH + "','" + SEALED + "')]", pg);
        return new IllegalStateException("request failed: " + jpa, jpa);
    }

    /** Everything the mapper's logger publishes, as text including every exception in each record's chain. */
    static final class Capture extends Handler implements AutoCloseable {
        final Logger logger = Logger.getLogger(ApiExceptionMapper.class.getName());
        final List<String> text = new ArrayList<>();

        Capture() {
            setLevel(Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(new SimpleFormatter().formatMessage(record));
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
                for (StackTraceElement frame : t.getStackTrace()) {
                    line.append(' ').append(frame);
                }
            }
            text.add(line.toString());
        }

        @Override public void flush() { }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    @Test
    void anUnexpectedDatabaseFailureIsLoggedWithAnIncidentIdAndWithoutBoundValues() {
        ApiError answer;
        String logged;
        try (Capture capture = new Capture()) {
            answer = ApiExceptionMapper.internalError(duplicateKey());
            assertEquals(1, capture.text.size());
            logged = capture.text.get(0);
        }
        assertEquals("internal_error", answer.error());
        Matcher incident = Pattern.compile("incident ([0-9a-f-]{36})").matcher(answer.message());
        assertTrue(incident.find(), answer.message());
        assertTrue(logged.contains("incident " + incident.group(1)), logged);

        assertFalse(logged.contains(HASH), logged);
        assertFalse(logged.contains(HASH.substring(0, 16)), logged);
        assertFalse(logged.contains("SEALED-ab12cd34"), logged);
        assertFalse(logged.contains("Detail"), logged);
        assertFalse(logged.contains("insert into"), logged);
        // what support needs is there: the exception classes, the SQLState and the code location
        assertTrue(logged.contains("jakarta.persistence.PersistenceException"), logged);
        assertTrue(logged.contains("SQLState 23505"), logged);
        assertTrue(logged.contains(ApiExceptionMapperTest.class.getName() + ".duplicateKey"), logged);
        assertFalse(answer.message().contains(HASH));
    }

    @Test
    void aFailureOutsideTheDatabaseKeepsItsMessage() {
        IllegalStateException plain = new IllegalStateException("the outbox is full");
        assertEquals("java.lang.IllegalStateException: the outbox is full", SafeErrors.summary(plain));
        assertTrue(SafeErrors.loggable(plain).getMessage().contains("the outbox is full"));
        assertEquals("java.lang.IllegalStateException > jakarta.persistence.PersistenceException > "
            + "java.sql.SQLIntegrityConstraintViolationException [SQLState 23505, code 0] > "
            + "java.sql.SQLIntegrityConstraintViolationException [SQLState 23505, code 23505]", SafeErrors.summary(duplicateKey()));
    }
}
