package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.DeliveryOptions;
import dev.payhooks.domain.outbound.HookUrl;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.port.SealedSecret;

import java.net.URI;

/** Entity ↔ domain for webhook subscriptions. The type columns hold the sealed variants' names. */
final class WebhookSubscriptionMapper {

    private WebhookSubscriptionMapper() {
    }

    static WebhookSubscription toDomain(WebhookSubscriptionEntity e) {
        return WebhookSubscription.reconstitute(e.id(), e.merchantId(), e.label, new HookUrl(URI.create(e.url)), e.events,
            authentication(e), signature(e), new DeliveryOptions(e.timeoutSeconds, e.fifo, e.rateLimitPerSecond),
            e.enabled, e.disabledReason, e.disabledAt, e.createdAt(), e.updatedAt(), e.version());
    }

    static WebhookSubscriptionEntity toNewEntity(WebhookSubscription s) {
        WebhookSubscriptionEntity e = new WebhookSubscriptionEntity();
        e.ownedBy(s.merchantId(), s.id());
        e.createdAt(s.createdAt());
        copyMutableState(s, e);
        return e;
    }

    static void copyMutableState(WebhookSubscription s, WebhookSubscriptionEntity e) {
        e.label = s.label();
        e.url = s.url().value().toString();
        if (s.authentication() instanceof Authentication.Basic basic) {
            e.authType = "BASIC";
            e.authUsername = basic.username();
            e.authPassword = basic.password().value();
        } else {
            e.authType = "NONE";
            e.authUsername = null;
            e.authPassword = null;
        }
        // Java 17 has no pattern switch; the sealed interface has exactly these four records
        if (s.signature() instanceof Signature.SourceKey sourceKey) {
            setSignature(e, "SOURCE_KEY", sourceKey.apiKeyId());
        } else if (s.signature() instanceof Signature.MerchantKey) {
            setSignature(e, "SIGNATURE_KEY", null);
        } else if (s.signature() instanceof Signature.PublicKey) {
            setSignature(e, "ED25519", null);
        } else {
            setSignature(e, "NONE", null);
        }
        e.enabled = s.enabled();
        e.disabledReason = s.disabledReason().orElse(null);
        e.disabledAt = s.disabledAt().orElse(null);
        e.timeoutSeconds = s.delivery().timeoutSeconds();
        e.fifo = s.delivery().fifo();
        e.rateLimitPerSecond = s.delivery().rateLimitPerSecond();
        e.updatedAt(s.updatedAt());
        // change the managed set in place, so Hibernate writes only the rows that differ
        e.events.retainAll(s.events());
        e.events.addAll(s.events());
    }

    private static void setSignature(WebhookSubscriptionEntity e, String type, String apiKeyId) {
        e.signatureType = type;
        e.signatureApiKeyId = apiKeyId;
    }

    private static Authentication authentication(WebhookSubscriptionEntity e) {
        return switch (e.authType) {
            case "NONE" -> new Authentication.None();
            case "BASIC" -> new Authentication.Basic(e.authUsername, new SealedSecret(e.authPassword));
            default -> throw new IllegalStateException("unknown auth_type " + e.authType + " of subscription " + e.id());
        };
    }

    private static Signature signature(WebhookSubscriptionEntity e) {
        return switch (e.signatureType) {
            case "NONE" -> new Signature.None();
            case "SOURCE_KEY" -> new Signature.SourceKey(e.signatureApiKeyId);
            case "SIGNATURE_KEY" -> new Signature.MerchantKey();
            case "ED25519" -> new Signature.PublicKey();
            default -> throw new IllegalStateException("unknown signature_type " + e.signatureType + " of subscription " + e.id());
        };
    }
}
