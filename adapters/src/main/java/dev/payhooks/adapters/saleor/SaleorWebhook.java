package dev.payhooks.adapters.saleor;

import dev.payhooks.application.saleor.AnswerDeadline;
import dev.payhooks.domain.saleor.SaleorInstallation;
import jakarta.json.JsonObject;

/**
 * A webhook whose signature and recipient were checked: safe to act on.
 *
 * @param deadline when Saleor stops waiting for the answer (counted from the start of the check)
 */
public record SaleorWebhook(SaleorInstallation installation, String event, JsonObject body, AnswerDeadline deadline) {
}
