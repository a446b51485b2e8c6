package dev.payhooks.admin.webhooks;

import dev.payhooks.admin.webhooks.WebhookDraft.AuthenticationChoice;
import dev.payhooks.admin.webhooks.WebhookDraft.SignatureChoice;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One webhook as the list and the edit dialog show it; the Basic password is never part of it. */
public record WebhookSummary(String id, String label, String url, List<String> events, AuthenticationChoice authentication,
                             String basicUsername, SignatureChoice signature, String sourceKeyId, boolean enabled,
                             String disabledReason, String lastDelivery) {

    /** The form's starting point for an edit: the stored values, no password. */
    public WebhookDraft asDraft() {
        return new WebhookDraft(label, url, Set.copyOf(events), authentication, basicUsername, "", signature, sourceKeyId);
    }

    public Optional<String> disabledBecause() {
        return Optional.ofNullable(disabledReason);
    }
}
