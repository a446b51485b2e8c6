package dev.payhooks.application.webhooks;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.InvalidFields;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.ApiKeys;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.DeliveryOptions;
import dev.payhooks.domain.outbound.HookUrl;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.outbound.WebhookSubscriptions;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.OutboundUrlPolicy;
import dev.payhooks.domain.port.Secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * A merchant's webhook subscriptions. Every method acts within one merchant: another
 * merchant's subscription is simply not found. Every field is checked before anything
 * changes, so a rejected edit leaves the subscription as it was. Changes need a {@link Caller} who
 * may change the merchant's configuration; reads take the merchant. The caller owns the transaction.
 *
 * @param requireHttps production mode, where plain http hook URLs are refused
 */
public record ManageSubscriptions(WebhookSubscriptions subscriptions, ApiKeys apiKeys,
                                  ManageSignatureKeys signatureKeys, ManageAsymmetricSigningKeys asymmetricKeys,
                                  OutboundUrlPolicy urlPolicy, Secrets secrets,
                                  IdGenerator ids, Clock clock, boolean requireHttps, AuditRecorder audit) {

    /** Everything of a subscription but its authentication, which changes only through {@link AuthenticationChange}. */
    public record SubscriptionInput(String label, String url, List<String> events, Signature signature,
                                    Integer timeoutSeconds, Boolean fifo, Integer rateLimitPerSecond) { }

    /** Authentication as a client gives it: the Basic password in clear, sealed before it is kept. */
    public sealed interface AuthenticationInput {
        record None() implements AuthenticationInput { }

        record Basic(String username, String password) implements AuthenticationInput {
            @Override
            public String toString() {
                return "Basic[" + username + ", ••••]";
            }
        }
    }

    /** The contract's edit choices: "keep current configuration", or an explicit "reset authentication". */
    public sealed interface AuthenticationChange {
        record Keep() implements AuthenticationChange { }

        record Reset(AuthenticationInput to) implements AuthenticationChange { }
    }

    public WebhookSubscription create(Caller caller, SubscriptionInput input, AuthenticationInput authentication) {
        String merchantId = caller.requireMayChange();
        InvalidFields.Checks checks = new InvalidFields.Checks();
        Checked checked = check(merchantId, input, checks);
        String id = ids.newId();
        Authentication sealed = checks.check(() -> authentication(id, authentication));
        checks.throwIfAny();
        checkAddress(checked.url(), null);
        prepareSignature(merchantId, checked.signature());
        WebhookSubscription subscription = WebhookSubscription.create(id, merchantId, checked.label(), checked.url(),
            checked.events(), sealed, checked.signature(), checked.delivery(), clock.instant());
        subscriptions.add(subscription);
        audit.record(merchantId, "webhook.created", subject(subscription), describe(subscription, true));
        return subscription;
    }

    public WebhookSubscription update(Caller caller, String id, SubscriptionInput input, AuthenticationChange change) {
        String merchantId = caller.requireMayChange();
        WebhookSubscription subscription = get(merchantId, id);
        InvalidFields.Checks checks = new InvalidFields.Checks();
        Checked checked = check(merchantId, input, checks);
        if (change == null) {
            checks.add(new InvalidField("authentication", "say whether to keep or reset it"));
        }
        Authentication reset = change instanceof AuthenticationChange.Reset r ? checks.check(() -> authentication(id, r.to()))
            : null;
        checks.throwIfAny();
        checkAddress(checked.url(), subscription.url());
        prepareSignature(merchantId, checked.signature());
        Instant now = clock.instant();
        subscription.relabel(checked.label(), now);
        subscription.retarget(checked.url(), now);
        subscription.subscribe(checked.events(), now);
        subscription.changeSignature(checked.signature(), now);
        subscription.tuneDelivery(checked.delivery(), now);
        if (reset != null) {
            subscription.resetAuthentication(reset, now);
        }
        subscriptions.update(subscription);
        audit.record(merchantId, "webhook.changed", subject(subscription), describe(subscription, reset != null));
        return subscription;
    }

    public void delete(Caller caller, String id) {
        String merchantId = caller.requireMayChange();
        WebhookSubscription gone = get(merchantId, id);
        subscriptions.remove(gone);
        audit.record(merchantId, "webhook.deleted", subject(gone), "");
    }

    public List<WebhookSubscription> list(String merchantId) {
        return subscriptions.ofMerchant(merchantId);
    }

    public WebhookSubscription get(String merchantId, String id) {
        return subscriptions.byId(merchantId, id).orElseThrow(() -> new NotFound("webhook subscription '" + id + "'"));
    }

    public WebhookSubscription disable(Caller caller, String id, String reason) {
        return change(caller, id, s -> s.disable(reason, clock.instant()), "webhook.disabled", reason == null ? "" : reason);
    }

    public WebhookSubscription enable(Caller caller, String id) {
        return change(caller, id, s -> s.enable(clock.instant()), "webhook.enabled", "");
    }

    // a caller who may change the merchant's configuration changes one subscription; the change is audited
    private WebhookSubscription change(Caller caller, String id, Consumer<WebhookSubscription> change, String action,
                                       String detail) {
        String merchantId = caller.requireMayChange();
        WebhookSubscription subscription = get(merchantId, id);
        change.accept(subscription);
        subscriptions.update(subscription);
        audit.record(merchantId, action, subject(subscription), detail);
        return subscription;
    }

    private static String subject(WebhookSubscription s) {
        return "webhook " + s.label() + " (" + s.id() + ")";
    }

    /** What a save set, without the password: it is a secret. */
    private static String describe(WebhookSubscription s, boolean authenticationSet) {
        String signature = s.signature() instanceof Signature.SourceKey ? "SOURCE_KEY"
            : s.signature() instanceof Signature.MerchantKey ? "SIGNATURE_KEY"
            : s.signature() instanceof Signature.PublicKey ? "ED25519" : "NONE";
        String text = "url " + s.url() + "; events " + String.join(", ", s.events()) + "; signature " + signature;
        if (authenticationSet) {
            text += "; authentication " + (s.authentication() instanceof Authentication.Basic basic
                ? "Basic as " + basic.username() + " (password set)" : "none");
        }
        return text;
    }

    private record Checked(String label, HookUrl url, SortedSet<String> events, Signature signature,
                           DeliveryOptions delivery) { }

    /**
     * Every field, in the order a form shows them, each problem kept in {@code checks} so they are
     * reported together (a refused field is null in the result).
     */
    private Checked check(String merchantId, SubscriptionInput input, InvalidFields.Checks checks) {
        if (input == null) {
            throw new InvalidField("subscription", "is required");
        }
        String label = checks.check(() -> WebhookSubscription.validLabel(input.label()));
        HookUrl url = checks.check(() -> HookUrl.parse(input.url(), requireHttps));
        SortedSet<String> events = checks.check(() -> WebhookSubscription.validEvents(input.events()));
        if (input.signature() == null) {
            checks.add(new InvalidField("signature", "is required"));
        }
        DeliveryOptions delivery = checks.check(() -> DeliveryOptions.of(input.timeoutSeconds(), input.fifo(),
            input.rateLimitPerSecond()));
        if (input.signature() instanceof Signature.SourceKey sourceKey
                && apiKeys.byId(merchantId, sourceKey.apiKeyId()).filter(ApiKey::active).isEmpty()) {
            checks.add(new InvalidField("signature.apiKeyId", "is not an active API key of this merchant"));
        }
        return new Checked(label, url, events, input.signature(), delivery);
    }

    /**
     * The network check of the URL, once every field is valid, as the slowest. An unchanged URL is
     * not checked again: editing a label must not fail on a DNS hiccup, and the delivery engine
     * checks the address it connects to anyway.
     */
    private void checkAddress(HookUrl url, HookUrl current) {
        if (current == null || !current.equals(url)) {
            urlPolicy.check(url.value());
        }
    }

    private Authentication authentication(String subscriptionId, AuthenticationInput input) {
        if (input == null) {
            throw new InvalidField("authentication", "is required");
        }
        if (input instanceof AuthenticationInput.Basic basic) {
            String username = Authentication.validUsername(basic.username());
            String password = Authentication.validPassword(basic.password());
            return new Authentication.Basic(username,
                secrets.seal(password, Authentication.passwordContext(subscriptionId)));
        }
        return new Authentication.None();
    }

    private void prepareSignature(String merchantId, Signature signature) {
        if (signature instanceof Signature.MerchantKey) {
            signatureKeys.ensure(merchantId);
        }
        if (signature instanceof Signature.PublicKey) {
            asymmetricKeys.ensure(merchantId);
        }
    }
}
