package dev.payhooks.adapters.api;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What of an exception may be logged or shown. Database exceptions carry the statement's values
 * in their messages: H2 quotes the duplicate key ({@code VALUES ( /* 1 *&#47; 'a3f…' )}),
 * PostgreSQL adds {@code Detail: Key (key_hash)=(a3f…) already exists}, Hibernate and
 * EclipseLink wrap those messages into their own, with the SQL. A failing insert of an API key
 * or a sealed secret would write the hash or the sealed value to the log. So when any exception
 * in the chain comes from the database layer, no message of the chain is kept: only the classes,
 * SQLStates and vendor codes, and the stack frames (code locations, never data).
 */
public final class SafeErrors {

    private static final List<String> DATABASE_PACKAGES = List.of("java.sql.", "javax.sql.", "org.hibernate.",
        "jakarta.persistence.", "javax.persistence.", "org.eclipse.persistence.", "org.postgresql.", "org.h2.",
        "org.flywaydb.", "com.zaxxer.");

    private SafeErrors() {
    }

    /**
     * One line: the chain's classes, outermost first, with SQLStates; the innermost message only
     * when no exception of the chain comes from the database layer.
     */
    public static String summary(Throwable failure) {
        List<Throwable> chain = chain(failure);
        boolean database = chain.stream().anyMatch(SafeErrors::fromDatabase);
        StringBuilder line = new StringBuilder();
        for (Throwable t : chain) {
            if (!line.isEmpty()) {
                line.append(" > ");
            }
            line.append(describe(t));
        }
        Throwable root = chain.get(chain.size() - 1);
        if (!database && root.getMessage() != null && !root.getMessage().isBlank()) {
            line.append(": ").append(root.getMessage());
        }
        return line.toString();
    }

    /**
     * A copy of the chain for a log record's stack trace: each exception becomes one whose message
     * is its class (and SQLState), with the original frames; the messages are kept only when no
     * exception of the chain comes from the database layer.
     */
    public static Throwable loggable(Throwable failure) {
        List<Throwable> chain = chain(failure);
        boolean database = chain.stream().anyMatch(SafeErrors::fromDatabase);
        Scrubbed copy = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable t = chain.get(i);
            String message = describe(t) + (database || t.getMessage() == null ? "" : ": " + t.getMessage());
            Scrubbed outer = new Scrubbed(message, copy);
            outer.setStackTrace(t.getStackTrace());
            copy = outer;
        }
        return copy;
    }

    /** Whether an exception comes from JDBC, a driver, JPA or its providers. */
    public static boolean fromDatabase(Throwable t) {
        if (t instanceof SQLException) {
            return true;
        }
        String name = t.getClass().getName();
        return DATABASE_PACKAGES.stream().anyMatch(name::startsWith);
    }

    private static String describe(Throwable t) {
        String name = t.getClass().getName();
        if (t instanceof SQLException sql) {
            return name + " [SQLState " + sql.getSQLState() + ", code " + sql.getErrorCode() + "]";
        }
        return name;
    }

    /** The exception and its causes, each once (cycles end the walk). */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t) && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** A logged stand-in for an exception whose message may not be logged. */
    static final class Scrubbed extends RuntimeException {
        Scrubbed(String message, Throwable cause) {
            super(message, cause, false, true);
        }
    }
}
