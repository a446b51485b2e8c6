package dev.payhooks.admin.webhooks;

import dev.payhooks.admin.DestructiveConfirm;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Notices;
import dev.payhooks.domain.error.DomainException;

/** What a webhook's "Send test" and "Disable"/"Enable" buttons do, in the grid and on its page alike. */
final class WebhookButtons {

    private WebhookButtons() {
    }

    /** Queues a test event for the webhook and says so, or why not. */
    static void sendTest(WebhooksModel model, WebhookSummary webhook) {
        try {
            String eventId = model.sendTestEvent(webhook.id());
            Notices.success("Test event queued for “" + webhook.label() + "” (" + eventId.substring(0, 12)
                + "…). See the event log.");
        } catch (NotAllowed | DomainException refused) {
            Notices.problem(refused.getMessage());
        }
    }

    /**
     * Switches the webhook on, or off after a confirmation that says what stops; then {@code changed}
     * redraws what shows it, or the console says why not.
     */
    static void toggle(WebhooksModel model, WebhookSummary webhook, Runnable changed) {
        if (!webhook.enabled()) {
            switchOver(model, webhook, changed);
            return;
        }
        DestructiveConfirm.open("confirm-disable-webhook", "Disable webhook “" + webhook.label() + "”?",
            "No events are delivered to it until you enable it again.",
            "Disable", () -> switchOver(model, webhook, changed));
    }

    private static void switchOver(WebhooksModel model, WebhookSummary webhook, Runnable changed) {
        try {
            model.enableWebhook(webhook.id(), !webhook.enabled());
            changed.run();
        } catch (NotAllowed | DomainException refused) {
            Notices.problem(refused.getMessage());
        }
    }
}
