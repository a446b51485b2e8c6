package dev.payhooks.admin.webhooks;

import java.util.Set;

/**
 * What the Add/Edit Webhook form holds. Nothing is checked here: the domain checks every
 * field and its messages are shown next to the field. The password is never read back.
 */
public record WebhookDraft(String label, String url, Set<String> events, AuthenticationChoice authentication,
                           String username, String password, SignatureChoice signature, String sourceKeyId) {

    public enum AuthenticationChoice { NONE, BASIC }

    /** How a webhook's deliveries are signed, with the label staff see. */
    public enum SignatureChoice {
        NONE("None"), SOURCE_KEY("Source Key"), SIGNATURE_KEY("Signature Key"), ED25519("Ed25519 (public key)");

        private final String label;

        SignatureChoice(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public WebhookDraft {
        events = events == null ? Set.of() : Set.copyOf(events);
    }

    @Override
    public String toString() {
        return "WebhookDraft[" + label + ", " + events + ", " + authentication + ", " + signature + "]";
    }
}
