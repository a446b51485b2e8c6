package dev.payhooks.adapters.saleor;

import dev.payhooks.domain.saleor.SaleorInstallation;
import jakarta.json.JsonObject;

/** A webhook whose signature and recipient were checked: safe to act on. */
public record SaleorWebhook(SaleorInstallation installation, String event, JsonObject body) {
}
