package dev.payhooks.domain.merchant;

import dev.payhooks.domain.payment.ProviderId;

import java.util.List;
import java.util.Optional;

import static dev.payhooks.domain.merchant.SettingField.choice;
import static dev.payhooks.domain.merchant.SettingField.flag;
import static dev.payhooks.domain.merchant.SettingField.secret;
import static dev.payhooks.domain.merchant.SettingField.secretList;
import static dev.payhooks.domain.merchant.SettingField.text;
import static dev.payhooks.domain.merchant.SettingField.url;

/**
 * The per-channel configuration fields of each provider. An omitted
 * {@code apiBaseUrl} means the provider's standard endpoint for the configured environment.
 */
public final class ProviderSettingsSchema {

    private final ProviderId provider;
    private final List<SettingField> fields;
    private final boolean receivesNotifications;

    private ProviderSettingsSchema(ProviderId provider, boolean receivesNotifications, SettingField... fields) {
        this.provider = provider;
        this.receivesNotifications = receivesNotifications;
        this.fields = List.of(fields);
    }

    public static ProviderSettingsSchema of(ProviderId provider) {
        return switch (provider) {
            case NP_ATOBARAI -> new ProviderSettingsSchema(provider, false,
                text("merchantCode", true),
                secret("secretSpCode", true),
                text("terminalId", true),
                text("shippingCompanyCode", true),
                flag("skuAsName", false),
                choice("environment", "sandbox", "sandbox", "production"),
                url("apiBaseUrl", false));
            case ADYEN -> new ProviderSettingsSchema(provider, true,
                secret("apiKey", true),
                text("merchantAccount", true),
                text("clientKey", true),
                choice("environment", "TEST", "TEST", "LIVE"),
                url("apiBaseUrl", false),
                choice("captureStrategy", "AUTHORIZE", "AUTHORIZE", "CHARGE"),
                secretList("hmacKeys", true),
                text("notificationUsername", true),
                secret("notificationPassword", true));
            case WALLEY -> new ProviderSettingsSchema(provider, true,
                text("clientId", true),
                secret("clientSecret", true),
                text("scope", true),
                url("authBaseUrl", true),
                url("apiBaseUrl", true),
                text("webhookUsername", true),
                secret("webhookPassword", true),
                secret("webhookHmacKey", false),
                flag("verifySignature", false),
                // the failure-simulation reason in its short form (NoFunds) or as Walley's webhooks do
                choice("failureReasonSpelling", "SEED", "SEED", "WEBHOOK"));
            case ANNANOW -> new ProviderSettingsSchema(provider, true,
                text("instance", true),
                secret("apiSecret", true),
                url("apiBaseUrl", false),
                choice("authMode", "URL_KEY", "URL_KEY", "BASIC"),
                text("username", false),
                secret("password", false),
                flag("confirmByRefetch", true));
        };
    }

    public ProviderId provider() {
        return provider;
    }

    public List<SettingField> fields() {
        return fields;
    }

    public Optional<SettingField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Whether the provider calls the hub, so the channel needs a notification URL. */
    public boolean receivesNotifications() {
        return receivesNotifications;
    }
}
