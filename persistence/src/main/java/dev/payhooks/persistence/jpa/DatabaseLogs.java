package dev.payhooks.persistence.jpa;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps statement values out of the server log. Hibernate logs a failed statement's database
 * message (which quotes the values: H2's {@code VALUES ( /* 1 *&#47; '…' )}, PostgreSQL's
 * {@code Detail: Key (…)=(…)}) from {@code SqlExceptionHelper} and its batch logger, and the
 * statements and bound values themselves when their loggers are turned up; the JDBC drivers and
 * EclipseLink log statements with values at FINE. Those loggers are turned off or capped here,
 * whatever the server's logging configuration says for their parents; the exception itself still
 * reaches the caller, whose log line carries a safe summary. {@code hibernate.show_sql} (which
 * prints to stdout, past any logger) is off in persistence.xml.
 */
public final class DatabaseLogs {

    /** Loggers whose records hold statement text with values, or database messages quoting them. */
    static final List<String> SILENCED = List.of(
        "org.hibernate.SQL",
        "org.hibernate.orm.jdbc.bind",
        "org.hibernate.orm.jdbc.extract",
        "org.hibernate.type.descriptor.sql",
        "org.hibernate.engine.jdbc.spi.SqlExceptionHelper",
        "org.hibernate.engine.jdbc.batch",
        "org.hibernate.orm.jdbc.batch");

    /** Loggers that log statements or values only below WARNING. */
    static final List<String> CAPPED = List.of("org.postgresql", "org.h2", "org.eclipse.persistence");

    /** Strong references: java.util.logging forgets the level of a logger nobody holds. */
    private static final List<Logger> HELD = new java.util.concurrent.CopyOnWriteArrayList<>();

    private DatabaseLogs() {
    }

    /** Applies the levels; idempotent, cheap. */
    public static void quiet() {
        for (String name : SILENCED) {
            hold(name, Level.OFF);
        }
        for (String name : CAPPED) {
            hold(name, Level.WARNING);
        }
    }

    private static void hold(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        if (!HELD.contains(logger)) {
            HELD.add(logger);
        }
    }
}
