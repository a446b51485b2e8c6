package dev.payhooks.application.apikeys;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.ApiKeys;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.Secrets;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Issuing, listing, revoking and checking a merchant's API keys. The caller owns the transaction. */
public record ManageApiKeys(ApiKeys keys, Secrets secrets, IdGenerator ids, Clock clock, AuditRecorder audit) {

    /** A key just issued: the only moment its plaintext is shown. */
    public record IssuedKey(ApiKey key, String plaintext) {
        @Override
        public String toString() {
            return "IssuedKey[" + key + "]";
        }
    }

    /** Issues a key for a caller who may change the merchant's configuration. */
    public IssuedKey issue(Caller caller, String label) {
        return issue(caller.requireMayChange(), label, generatedPlaintext());
    }

    /** The plaintext of a new key: "phk_" and 40 random characters. */
    public String generatedPlaintext() {
        return ApiKey.newPlaintext(ids.randomToken(40));
    }

    /** Issues a key with a given plaintext: the installation's first key, at startup (configured or generated). */
    public IssuedKey issue(String merchantId, String label, String plaintext) {
        if (!ApiKey.wellFormed(plaintext)) {
            throw new dev.payhooks.domain.error.InvalidField("key", "must be 'phk_' followed by 40 characters of a-z, 0-9");
        }
        String id = ids.newId();
        ApiKey key = ApiKey.issue(id, merchantId, label, plaintext,
            secrets.seal(plaintext, ApiKey.secretContext(id)), clock.instant());
        keys.add(key);
        audit.record(merchantId, "api-key.issued", subject(key), "");
        return new IssuedKey(key, plaintext);
    }

    public List<ApiKey> list(String merchantId) {
        return keys.ofMerchant(merchantId);
    }

    public ApiKey revoke(Caller caller, String keyId) {
        String merchantId = caller.requireMayChange();
        ApiKey key = keys.byId(merchantId, keyId).orElseThrow(() -> new NotFound("API key '" + keyId + "'"));
        key.revoke(clock.instant());
        keys.update(key);
        audit.record(merchantId, "api-key.revoked", subject(key), "");
        return key;
    }

    private static String subject(ApiKey key) {
        return "API key " + key.label() + " (" + key.displayPrefix() + ")";
    }

    /** The active key a request presented, if any. */
    public Optional<ApiKey> authenticate(String presented) {
        if (!ApiKey.wellFormed(presented)) {
            return Optional.empty();
        }
        return keys.byHash(ApiKey.hash(presented)).filter(ApiKey::active);
    }

    /** The plaintext of a key (to sign outbound webhooks with it as the Source Key). */
    public String reveal(ApiKey key) {
        return secrets.open(key.sealedKey(), ApiKey.secretContext(key.id()));
    }
}
