package dev.payhooks.app.startup;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.application.apikeys.ManageApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.app.config.Secret;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * On a database without merchants, creates the default merchant and its first API key:
 * {@code payhooks.api-key} ({@code PAYHOOKS_API_KEY}) if set, otherwise a generated key printed
 * once to standard output.
 */
@ApplicationScoped
public class DefaultMerchantBootstrap {

    private static final Logger LOG = Logger.getLogger(DefaultMerchantBootstrap.class.getName());

    @Inject
    Merchants merchants;

    @Inject
    ManageApiKeys apiKeys;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    Optional<String> configuredKey = Optional.empty();

    @Inject
    void settings(PayhooksSettings settings) {
        configuredKey = settings.apiKey().map(Secret::value);
    }

    PrintStream console = System.out;

    @Transactional
    public void ensureOneExists() {
        if (merchants.count() > 0) {
            return;
        }
        Merchant merchant = Merchant.register(ids.newId(), "Default merchant", ids.randomToken(15), clock.instant());
        merchants.add(merchant);
        Optional<String> given = configuredKey.map(String::trim).filter(k -> !k.isEmpty());
        ManageApiKeys.IssuedKey issued;
        try {
            issued = apiKeys.issue(merchant.id(), "bootstrap", given.orElseGet(apiKeys::generatedPlaintext));
        } catch (InvalidField badKey) {
            throw new StartupFailure("PAYHOOKS_API_KEY must be 'phk_' followed by 40 characters of a-z, 0-9");
        }
        LOG.info("Created the default merchant " + merchant.id() + " and its API key " + issued.key().displayPrefix()
            + (given.isPresent() ? " (from PAYHOOKS_API_KEY)" : " (printed to standard output)"));
        if (given.isEmpty()) {
            FirstStartBanner.print(console, "Payhooks created the default merchant and its management API key:",
                List.of("merchant: " + merchant.id(), "API key:  " + issued.plaintext(),
                    "use it as: Authorization: Bearer <API key>  on /api/v1/…"));
        }
    }
}
