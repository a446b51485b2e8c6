package dev.payhooks.admin.channels;

import java.util.List;

/**
 * A provider's configuration of one channel as the form shows it: one entry per schema field,
 * in schema order. Secret fields carry only a mask of the stored value (never the value);
 * {@code notificationUrl} is empty for providers that do not call the hub or before the first save.
 */
public record ProviderConfiguration(String channel, String provider, String providerName, boolean configured,
                                    List<Setting> settings, String notificationUrl) {

    public ProviderConfiguration {
        settings = List.copyOf(settings);
    }

    /**
     * @param kind  TEXT, URL, FLAG, CHOICE, SECRET or SECRET_LIST
     * @param value the stored plain value (or the default) for plain fields; the mask of the stored
     *              secret ("••••1234", masks joined by ", " for a list) for secret fields; empty if none
     */
    public record Setting(String name, String kind, boolean required, List<String> choices, String value, boolean stored) {
        public Setting {
            choices = List.copyOf(choices);
        }

        public boolean secret() {
            return "SECRET".equals(kind) || "SECRET_LIST".equals(kind);
        }
    }
}
