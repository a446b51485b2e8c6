package dev.payhooks.admin.webhooks;

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

    /** Switches the webhook off or on, then {@code changed} redraws what shows it; or says why not. */
    static void toggle(WebhooksModel model, WebhookSummary webhook, Runnable changed) {
        try {
            model.enableWebhook(webhook.id(), !webhook.enabled());
            changed.run();
        } catch (NotAllowed | DomainException refused) {
            Notices.problem(refused.getMessage());
        }
    }
}
