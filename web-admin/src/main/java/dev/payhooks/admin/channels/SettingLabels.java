package dev.payhooks.admin.channels;

import dev.payhooks.admin.Wording;

import java.util.Map;

/**
 * The label staff see for a provider setting: its name in words ("Secret SP code" for
 * {@code secretSpCode}). The API keeps the names; a name without a label here is split at its
 * capitals.
 */
final class SettingLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
        Map.entry("apiBaseUrl", "API base URL"),
        Map.entry("apiKey", "API key"),
        Map.entry("apiSecret", "API secret"),
        Map.entry("authBaseUrl", "Authorization base URL"),
        Map.entry("authMode", "Authentication mode"),
        Map.entry("captureStrategy", "Capture strategy"),
        Map.entry("clientId", "Client ID"),
        Map.entry("clientKey", "Client key"),
        Map.entry("clientSecret", "Client secret"),
        Map.entry("confirmByRefetch", "Confirm by fetching the transaction again"),
        Map.entry("failureReasonSpelling", "Failure reason spelling"),
        Map.entry("hmacKeys", "HMAC keys"),
        Map.entry("merchantAccount", "Merchant account"),
        Map.entry("merchantCode", "Merchant code"),
        Map.entry("notificationPassword", "Notification password"),
        Map.entry("notificationUsername", "Notification username"),
        Map.entry("secretSpCode", "Secret SP code"),
        Map.entry("shippingCompanyCode", "Shipping company code"),
        Map.entry("skuAsName", "Send the SKU as the goods name"),
        Map.entry("terminalId", "Terminal ID"),
        Map.entry("verifySignature", "Verify signatures"),
        Map.entry("webhookHmacKey", "Webhook HMAC key"),
        Map.entry("webhookPassword", "Webhook password"),
        Map.entry("webhookUsername", "Webhook username"));

    private SettingLabels() {
    }

    static String of(String name) {
        return Wording.of(LABELS, name, name.replaceAll("([a-z0-9])([A-Z])", "$1 $2"));
    }
}
