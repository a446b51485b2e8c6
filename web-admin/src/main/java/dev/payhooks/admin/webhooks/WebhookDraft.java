package dev.payhooks.admin.webhooks;

import java.util.Set;

/**
 * What the Add/Edit Webhook form holds. Nothing is checked here: the domain checks every
 * field and its messages are shown next to the field. The password is never read back.
 */
public record WebhookDraft(String label, String url, Set<String> events, AuthenticationChoice authentication,
                           String username, String password, SignatureChoice signature, String sourceKeyId) {

    public enum AuthenticationChoice { NONE, BASIC }

    public enum SignatureChoice { NONE, SOURCE_KEY, SIGNATURE_KEY }

    public WebhookDraft {
        events = events == null ? Set.of() : Set.copyOf(events);
    }

    @Override
    public String toString() {
        return "WebhookDraft[" + label + ", " + events + ", " + authentication + ", " + signature + "]";
    }
}
