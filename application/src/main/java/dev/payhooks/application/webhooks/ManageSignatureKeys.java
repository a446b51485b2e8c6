package dev.payhooks.application.webhooks;

import dev.payhooks.application.access.Caller;

import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.outbound.SignatureKey;
import dev.payhooks.domain.outbound.SignatureKeys;
import dev.payhooks.domain.outbound.SigningKey;
import dev.payhooks.domain.outbound.WebhookSecret;
import dev.payhooks.domain.port.RandomBytes;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.port.Secrets;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** A merchant's signature key: made on first use, rotated on request, opened to sign, revealed to those who manage webhooks. The caller owns the transaction. */
public record ManageSignatureKeys(SignatureKeys keys, Secrets secrets, RandomBytes random, Clock clock,
                                  AuditRecorder audit) {

    /** The merchant's key, made now if it has none (the first subscription that signs with it). */
    public SignatureKey ensure(String merchantId) {
        return keys.ofMerchant(merchantId).orElseGet(() -> {
            SignatureKey key = SignatureKey.create(merchantId, newSealedSecret(merchantId), clock.instant());
            keys.add(key);
            audit.record(merchantId, "signature-key.created", "Signature Key", "");
            return key;
        });
    }

    /**
     * A new current secret, for a caller who may change the merchant's configuration; the old one
     * keeps signing for 24 h. A merchant without a key gets its first one.
     */
    public SignatureKey rotate(Caller caller) {
        String merchantId = caller.requireMayChange();
        if (keys.ofMerchant(merchantId).isEmpty()) {
            return ensure(merchantId);
        }
        SignatureKey key = existing(merchantId);
        key.rotate(newSealedSecret(merchantId), clock.instant());
        keys.update(key);
        audit.record(merchantId, "signature-key.rotated", "Signature Key", "the previous key keeps signing for 24 hours");
        return key;
    }

    /**
     * The current secret's text, for the merchant to configure a receiver: only to a reader who
     * may change the merchant's configuration ({@link Caller}). Every reveal is audited, and so
     * is every refusal (the caller keeps its transaction for a {@link NotPermitted}, so the entry
     * commits).
     */
    public WebhookSecret reveal(Caller caller) {
        requireMayReveal(caller);
        String merchantId = caller.merchantId();
        WebhookSecret secret = open(merchantId, existing(merchantId).current());
        audit.record(merchantId, "signature-key.revealed", "Signature Key", "");
        return secret;
    }

    /**
     * Refuses (audited, {@link NotPermitted}) a reader who may not see the key; for callers that
     * ask more of the reader before revealing (the console's second factor) and should not ask a
     * viewer for it.
     */
    public void requireMayReveal(Caller caller) {
        Optional<String> refusal = caller.refusalToChange();
        if (refusal.isPresent()) {
            audit.record(caller.merchantId(), "signature-key.reveal-refused", "Signature Key", refusal.get());
            throw new NotPermitted("Revealing the Signature Key needs the right to manage webhooks: " + refusal.get());
        }
    }

    /**
     * Everything a reveal needs but the reader's own proof, for callers that ask for one (the
     * console's second-factor code) and should not spend it on an answer without a key: refuses
     * (audited, {@link NotPermitted}) a reader who may not see the key, and answers
     * {@link NotFound} while the merchant has none. Writes nothing else.
     */
    public void requireRevealable(Caller caller) {
        requireMayReveal(caller);
        existing(caller.merchantId());
    }

    /** The keys a delivery made now is signed with: the current one, and the previous during the 24 h after a rotation. */
    public List<SigningKey> keysToSignWith(String merchantId) {
        return existing(merchantId).keysToSignWith(clock.instant()).stream()
            .map(sealed -> SigningKey.of(open(merchantId, sealed)))
            .toList();
    }

    private SignatureKey existing(String merchantId) {
        return keys.ofMerchant(merchantId).orElseThrow(() -> new NotFound("signature key"));
    }

    private SealedSecret newSealedSecret(String merchantId) {
        return secrets.seal(WebhookSecret.generate(random).reveal(), SignatureKey.secretContext(merchantId));
    }

    private WebhookSecret open(String merchantId, SealedSecret sealed) {
        String opened = secrets.open(sealed, SignatureKey.secretContext(merchantId));
        try {
            return WebhookSecret.parse(opened);
        } catch (IllegalArgumentException e) {
            // no cause, no echo: the message would carry the secret
            throw new IllegalStateException("the stored signature key of merchant " + merchantId + " is not a webhook secret");
        }
    }
}
