package dev.payhooks.adapters.api;

/**
 * Whether the hub runs in production ({@code payhooks.mode=production}) or sandbox mode (the
 * default): sandbox simulators and test-only provider operations exist only in sandbox mode.
 */
public record HubMode(boolean production) {

    public boolean sandbox() {
        return !production;
    }
}
