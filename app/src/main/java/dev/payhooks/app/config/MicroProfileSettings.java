package dev.payhooks.app.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

import java.util.Optional;

/**
 * The settings as MicroProfile Config resolves them: a system property, an environment variable
 * ({@code payhooks.db.url} → {@code PAYHOOKS_DB_URL}) or {@code microprofile-config.properties}.
 */
public final class MicroProfileSettings implements SettingsSource {

    private final Config config;

    public MicroProfileSettings(Config config) {
        this.config = config;
    }

    @Override
    public Optional<String> value(String key) {
        return Optional.ofNullable(config.getConfigValue(key).getValue());
    }

    @Override
    public String origin(String key) {
        ConfigValue value = config.getConfigValue(key);
        return value.getSourceName() == null ? "the configuration" : value.getSourceName();
    }
}
