package dev.payhooks.app.config;

import dev.payhooks.app.startup.StartupFailure;

/**
 * A setting whose value Payhooks cannot use: the message names the setting, its environment
 * variable and where the value came from, never a secret's value. Stops the start like any
 * {@link StartupFailure}; {@link #exitProcess()} is {@code payhooks.exit-on-startup-failure}
 * as far as it could be read (true otherwise).
 */
public class InvalidSetting extends StartupFailure {

    private final boolean exitProcess;

    public InvalidSetting(String message, boolean exitProcess) {
        super(message);
        this.exitProcess = exitProcess;
    }

    public boolean exitProcess() {
        return exitProcess;
    }
}
