package dev.payhooks.admin.webhooks;

import dev.payhooks.admin.ConsoleModel;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Option;
import dev.payhooks.admin.webhooks.WebhookDraft.AuthenticationChoice;
import dev.payhooks.admin.webhooks.WebhookDraft.SignatureChoice;
import dev.payhooks.application.access.Caller;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.application.events.PublishEvents;
import dev.payhooks.application.webhooks.ManageSubscriptions;
import dev.payhooks.application.webhooks.ManageSubscriptions.AuthenticationChange;
import dev.payhooks.application.webhooks.ManageSubscriptions.AuthenticationInput;
import dev.payhooks.application.webhooks.ManageSubscriptions.SubscriptionInput;
import dev.payhooks.application.webhooks.WebhookQueries;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryAttempt;
import dev.payhooks.domain.outbound.EventCatalog;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * The Webhooks view's model: the merchant's webhook subscriptions translated to and from the
 * form's DTOs. Each method runs in one transaction, so a rejected change leaves nothing behind;
 * the use cases decide who may change what, and their refusal reads as {@link NotAllowed}.
 * Domain errors pass through unchanged: the view shows an {@link InvalidField}'s problem next to
 * its field.
 */
@ApplicationScoped
@Transactional
public class WebhooksModel extends ConsoleModel {

    static final String DISABLED_IN_CONSOLE = "disabled in the admin console";

    @Inject
    ManageSubscriptions subscriptions;
    @Inject
    WebhookQueries webhooks;
    @Inject
    ManageApiKeys apiKeys;
    @Inject
    PublishEvents publish;

    public List<Option> eventTypes() {
        return EventCatalog.all().stream().map(t -> new Option(t.name(), t.name())).toList();
    }

    /** The merchant's active API keys, which can sign as a "Source Key". */
    public List<Option> sourceKeys() {
        return apiKeys.list(signedIn.merchantId()).stream().filter(ApiKey::active)
            .map(k -> new Option(k.id(), k.label() + " (" + k.displayPrefix() + ")")).toList();
    }

    public List<WebhookSummary> webhooks() {
        String merchant = signedIn.merchantId();
        return webhooks.list(merchant).stream().map(s -> summary(s, lastDelivery(merchant, s.id()))).toList();
    }

    public WebhookSummary webhook(String id) {
        String merchant = signedIn.merchantId();
        return summary(subscriptions.get(merchant, id), lastDelivery(merchant, id));
    }

    public WebhookSummary addWebhook(WebhookDraft draft) {
        Caller caller = signedIn.caller();
        WebhookSubscription created = NotAllowed.lookNotChange(() ->
            subscriptions.create(caller, input(draft), authentication(draft)));
        return summary(created, "never");
    }

    /** Saves an edit; the authentication changes only when the form's "Reset Webhook Authentication" is on. */
    public WebhookSummary saveWebhook(String id, WebhookDraft draft, boolean resetAuthentication) {
        Caller caller = signedIn.caller();
        WebhookSubscription saved = NotAllowed.lookNotChange(() -> subscriptions.update(caller, id, input(draft),
            resetAuthentication ? new AuthenticationChange.Reset(authentication(draft)) : new AuthenticationChange.Keep()));
        return summary(saved, lastDelivery(caller.merchantId(), id));
    }

    public void deleteWebhook(String id) {
        Caller caller = signedIn.caller();
        NotAllowed.lookNotChange(() -> subscriptions.delete(caller, id));
    }

    public WebhookSummary enableWebhook(String id, boolean enabled) {
        Caller caller = signedIn.caller();
        WebhookSubscription changed = NotAllowed.lookNotChange(() -> enabled ? subscriptions.enable(caller, id)
            : subscriptions.disable(caller, id, DISABLED_IN_CONSOLE));
        return summary(changed, lastDelivery(caller.merchantId(), id));
    }

    /** Queues a sample event for this webhook only; returns its event id. */
    public String sendTestEvent(String id) {
        Caller caller = signedIn.caller();
        return NotAllowed.lookNotChange(() ->
            publish.sendTest(caller, subscriptions.get(caller.merchantId(), id)).event().id().value());
    }

    private static SubscriptionInput input(WebhookDraft draft) {
        Signature signature = switch (draft.signature() == null ? SignatureChoice.NONE : draft.signature()) {
            case NONE -> new Signature.None();
            case SIGNATURE_KEY -> new Signature.MerchantKey();
            case ED25519 -> new Signature.PublicKey();
            case SOURCE_KEY -> {
                if (draft.sourceKeyId() == null || draft.sourceKeyId().isBlank()) {
                    throw new InvalidField("signature.apiKeyId", "pick the API key that signs");
                }
                yield new Signature.SourceKey(draft.sourceKeyId());
            }
        };
        return new SubscriptionInput(draft.label(), draft.url(), List.copyOf(draft.events()), signature, null, null, null);
    }

    private static AuthenticationInput authentication(WebhookDraft draft) {
        if (draft.authentication() == AuthenticationChoice.BASIC) {
            return new AuthenticationInput.Basic(draft.username(), draft.password());
        }
        return new AuthenticationInput.None();
    }

    private static WebhookSummary summary(WebhookSubscription s, String lastDelivery) {
        AuthenticationChoice authentication = s.authentication() instanceof Authentication.Basic
            ? AuthenticationChoice.BASIC : AuthenticationChoice.NONE;
        String username = s.authentication() instanceof Authentication.Basic basic ? basic.username() : "";
        SignatureChoice signature = s.signature() instanceof Signature.SourceKey ? SignatureChoice.SOURCE_KEY
            : s.signature() instanceof Signature.MerchantKey ? SignatureChoice.SIGNATURE_KEY
            : s.signature() instanceof Signature.PublicKey ? SignatureChoice.ED25519 : SignatureChoice.NONE;
        String sourceKey = s.signature() instanceof Signature.SourceKey key ? key.apiKeyId() : null;
        return new WebhookSummary(s.id(), s.label(), s.url().toString(), List.copyOf(s.events()), authentication, username,
            signature, sourceKey, s.enabled(), s.disabledReason().orElse(null), lastDelivery);
    }

    /** How the webhook's newest event went: "never", "pending", "succeeded · 200", "failed · 500 (attempt 3)", "dead". */
    private String lastDelivery(String merchant, String subscriptionId) {
        return webhooks.lastDelivery(merchant, subscriptionId).map(WebhooksModel::describe).orElse("never");
    }

    static String describe(Delivery d) {
        Optional<DeliveryAttempt> last = d.attempts().isEmpty() ? Optional.empty()
            : Optional.of(d.attempts().get(d.attempts().size() - 1));
        String outcome = last.map(a -> a.status() != null ? "HTTP " + a.status() : String.valueOf(a.errorClass())).orElse("");
        return switch (d.status()) {
            case SUCCEEDED -> "succeeded" + (outcome.isEmpty() ? "" : " · " + outcome);
            case DEAD -> "dead" + (outcome.isEmpty() ? "" : " · " + outcome);
            case PENDING -> last.isEmpty() ? "pending" : "retrying · " + outcome + " (attempt " + d.attempts().size() + ")";
        };
    }
}
