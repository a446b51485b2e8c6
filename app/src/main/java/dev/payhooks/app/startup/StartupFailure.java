package dev.payhooks.app.startup;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raised when Payhooks must not start (database unreachable, a migration failed, bad
 * configuration). {@link #stopServer} ends the whole process so no half-started server is
 * left answering requests.
 */
public class StartupFailure extends RuntimeException {

    private static final Logger LOG = Logger.getLogger(StartupFailure.class.getName());

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public StartupFailure(String message) {
        super(message);
    }

    /** The startup failure somewhere in a chain of causes, if there is one. */
    public static java.util.Optional<StartupFailure> foundIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupFailure failure) {
                return java.util.Optional.of(failure);
            }
        }
        return java.util.Optional.empty();
    }

    /** The one line an operator reads: what failed and why, without a stack trace. */
    public String oneLine() {
        StringBuilder line = new StringBuilder("Payhooks cannot start: ").append(getMessage());
        Throwable root = getCause();
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != null && root.getMessage() != null && !getMessage().contains(root.getMessage())) {
            line.append(": ").append(root.getMessage().replaceAll("\\s+", " ").trim());
        }
        return line.toString();
    }

    /**
     * Prints the one-line reason to stderr, logs the details, and ends the process with exit
     * code 1 (from another thread: this one is inside the server's deployment).
     */
    public void stopServer(boolean exitProcess) {
        System.err.println(oneLine());
        LOG.log(Level.SEVERE, oneLine(), this);
        if (!exitProcess) {
            return;
        }
        Thread exit = new Thread(() -> {
            Thread halt = new Thread(() -> {
                sleep(15_000);
                Runtime.getRuntime().halt(1);
            }, "payhooks-startup-halt");
            halt.setDaemon(true);
            halt.start();
            System.exit(1);
        }, "payhooks-startup-exit");
        exit.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
