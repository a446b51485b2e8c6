package dev.payhooks.app.startup;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StartupFailureTest {

    @Test
    void oneLineNamesWhatFailedAndTheRootCause() {
        SQLException sql = new SQLException("Connection to 127.0.0.1:1 refused.",
            new ConnectException("Connection refused"));
        StartupFailure failure = new StartupFailure("database jdbc:postgresql://127.0.0.1:1/x is unreachable", sql);

        assertEquals("Payhooks cannot start: database jdbc:postgresql://127.0.0.1:1/x is unreachable: Connection refused",
            failure.oneLine());
    }

    @Test
    void multiLineCausesBecomeOneLine() {
        StartupFailure failure = new StartupFailure("database migration failed",
            new IllegalStateException("Migration V2 failed\n  SQL State: 42P07\n  Message: relation exists"));

        assertEquals("Payhooks cannot start: database migration failed: Migration V2 failed SQL State: 42P07 Message: relation exists",
            failure.oneLine());
    }
}
