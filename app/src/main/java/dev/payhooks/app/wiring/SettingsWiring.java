package dev.payhooks.app.wiring;

import dev.payhooks.adapters.api.HubMode;
import dev.payhooks.admin.ConsoleSettings;
import dev.payhooks.app.config.MicroProfileSettings;
import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.app.config.SettingsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The settings, read once ({@link SettingsReader}), and the small typed parts other modules
 * receive: nothing outside this class reads MicroProfile Config. A bad value is an
 * {@link dev.payhooks.app.config.InvalidSetting}, which {@code DatabaseStartup} reports before
 * anything else starts.
 */
@ApplicationScoped
public class SettingsWiring {

    @Produces
    @Singleton
    PayhooksSettings settings(Config config) {
        return SettingsReader.read(new MicroProfileSettings(config));
    }

    @Produces
    @Singleton
    HubMode hubMode(PayhooksSettings settings) {
        return new HubMode(settings.production());
    }

    @Produces
    @Singleton
    ConsoleSettings consoleSettings(PayhooksSettings settings) {
        return new ConsoleSettings(!settings.production(), settings.admin().secureCookie(),
            settings.admin().sessionTimeoutMinutes());
    }
}
