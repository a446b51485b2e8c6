package dev.payhooks.adapters.saleor;

import dev.payhooks.application.channels.SaleorInstallationCache;
import dev.payhooks.application.port.UnitOfWork;
import com.nimbusds.jose.jwk.JWKSet;
import dev.payhooks.adapters.api.JsonInput;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.saleor.SaleorInstallations;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URI;
import java.text.ParseException;
import dev.payhooks.application.saleor.AnswerDeadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.Optional;

/**
 * The first half of every Saleor webhook: the
 * headers are there and match the endpoint, the API URL is an installation of this provider's
 * app, the signature verifies against the raw bytes (JWS with the cached JWKS, refetched once
 * when the key is unknown or the check fails, at most once a minute per installation; legacy HMAC with the app token), the body is
 * JSON, and its recipient is this app. Anything else is refused before any handler runs.
 *
 * <p>Which signature counts: when {@code Saleor-Signature} or its deprecated copy
 * {@code X-Saleor-Signature} holds anything but a legacy HMAC (64 hex digits), that JWS decides
 * ({@code Saleor-Signature} first) and an HMAC in the other header is never consulted. The legacy
 * HMAC (keyed with the app token) is accepted only when no header holds a JWS, and only when
 * {@code legacyHmacAccepted} (sandbox mode): Saleor signs every webhook of an app whose manifest
 * sets no {@code secretKey} (as the hub's) with JWS, so in production a bare HMAC is refused.
 */
public class SaleorWebhookCheck {

    /** Either a verified webhook or the refusal to answer. */
    public record Outcome(SaleorWebhook webhook, SaleorReply refusal) {
        static Outcome refuse(int status, String error, String message) {
            return new Outcome(null, SaleorReply.problem(status, error, message));
        }
    }

    /** Read for every webhook ({@link SaleorInstallationCache#reading()}). */
    private final SaleorInstallations cached;
    /** Read and changed when a refetch of the keys is stored ({@link SaleorInstallationCache#changing()}). */
    private final SaleorInstallations installations;
    private final SaleorApiClient saleor;
    private final Secrets secrets;
    private final UnitOfWork units;
    private final Clock clock;
    private final boolean legacyHmacAccepted;
    /** When each installation's keys were last refetched because a signature did not verify (one entry per installation). */
    private final Map<String, Instant> lastKeysRefetch = new ConcurrentHashMap<>();

    static final Duration KEYS_REFETCH_INTERVAL = Duration.ofMinutes(1);

    /** Parsed key sets by their JSON (an installation's keys change only with the JSON): at most this many. */
    static final int MAX_PARSED_KEY_SETS = 64;
    private final Map<String, JWKSet> parsedKeys = new ConcurrentHashMap<>();

    /**
     * @param legacyHmacAccepted whether a webhook signed only with the legacy HMAC of the app token
     *                           is accepted (sandbox mode); never when a JWS header is present
     */
    public SaleorWebhookCheck(SaleorInstallationCache installations, SaleorApiClient saleor, Secrets secrets,
                              UnitOfWork units, Clock clock, boolean legacyHmacAccepted) {
        this.cached = installations.reading();
        this.installations = installations.changing();
        this.saleor = saleor;
        this.secrets = secrets;
        this.units = units;
        this.clock = clock;
        this.legacyHmacAccepted = legacyHmacAccepted;
    }

    public Outcome check(ProviderId provider, String pathEvent, String apiUrl, String eventHeader, String signature,
                         byte[] body) {
        return check(provider, pathEvent, apiUrl, eventHeader, signature, null, body);
    }

    /** {@code signature} is {@code Saleor-Signature}, {@code legacySignature} the deprecated {@code X-Saleor-Signature}. */
    public Outcome check(ProviderId provider, String pathEvent, String apiUrl, String eventHeader, String signature,
                         String legacySignature, byte[] body) {
        AnswerDeadline deadline = AnswerDeadline.forSaleorWebhook(clock);
        if (apiUrl == null || apiUrl.isBlank()) {
            return Outcome.refuse(401, "MISSING_SALEOR_API_URL", "Missing Saleor-Api-Url header.");
        }
        if (eventHeader == null || eventHeader.isBlank()) {
            return Outcome.refuse(401, "MISSING_SALEOR_EVENT", "Missing Saleor-Event header.");
        }
        if ((signature == null || signature.isBlank()) && (legacySignature == null || legacySignature.isBlank())) {
            return Outcome.refuse(401, "MISSING_SIGNATURE", "Missing Saleor-Signature header.");
        }
        if (!eventHeader.strip().toLowerCase(Locale.ROOT).equals(pathEvent)) {
            return Outcome.refuse(401, "WRONG_EVENT", "Saleor-Event does not match the webhook endpoint.");
        }
        String url = apiUrl.strip();
        // from memory, or read in a transaction of the cache's own when its entry is missing or expired
        Optional<SaleorInstallation> found = cached.find(url, provider);
        if (found.isEmpty()) {
            return Outcome.refuse(401, "APP_NOT_REGISTERED", "The app is not registered for this Saleor API URL.");
        }
        SaleorInstallation installation = found.get();
        Optional<String> jws = SaleorSignature.isJws(signature) ? Optional.of(signature)
            : SaleorSignature.isJws(legacySignature) ? Optional.of(legacySignature) : Optional.empty();
        if (jws.isEmpty() && !legacyHmacAccepted) {
            return Outcome.refuse(401, "INVALID_SIGNATURE",
                "Only JWS signatures are accepted; the legacy HMAC signature is accepted in sandbox mode only.");
        }
        String hmac = SaleorSignature.isLegacyHmac(signature) ? signature : legacySignature;
        boolean valid = jws.isPresent() ? verifiedJws(installation, jws.get(), body) : verifiedHmac(installation, hmac, body);
        if (!valid) {
            return Outcome.refuse(401, "INVALID_SIGNATURE", "The signature does not match the body.");
        }
        JsonValue value;
        try {
            value = JsonInput.value(body);
        } catch (JsonInput.Refused e) {
            return Outcome.refuse(400, "MALFORMED_JSON", "The body is not acceptable JSON: " + e.getMessage() + ".");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return Outcome.refuse(400, "MALFORMED_JSON", "the body must be a JSON object");
        }
        JsonObject json = value.asJsonObject();
        JsonObject recipient = SaleorJson.object(json, "recipient");
        String recipientId = recipient == null ? null : SaleorJson.string(recipient, "id");
        if (!installation.appId().equals(recipientId)) {
            return Outcome.refuse(403, "RECIPIENT_MISMATCH", "Recipient ID does not match auth data ID");
        }
        return new Outcome(new SaleorWebhook(installation, pathEvent, json, deadline), null);
    }

    private boolean verifiedHmac(SaleorInstallation installation, String signature, byte[] body) {
        String token = secrets.open(installation.token(), installation.tokenContext());
        return SaleorSignature.verifyHmac(body, signature, token);
    }

    private boolean verifiedJws(SaleorInstallation installation, String signature, byte[] body) {
        SaleorSignature.Check cached = SaleorSignature.verifyJws(body, signature, keys(installation.jwks()));
        if (cached == SaleorSignature.Check.VALID) {
            return true;
        }
        if (cached == SaleorSignature.Check.MALFORMED || !mayRefetchKeys(installation)) {
            return false;
        }
        // the instance may have rotated its keys: fetch them once and try again
        Optional<String> fresh = saleor.jwks(URI.create(installation.apiUrl()));
        if (fresh.isEmpty() || fresh.get().equals(installation.jwks())) {
            return false;
        }
        boolean valid = SaleorSignature.verifyJws(body, signature, keys(fresh.get())) == SaleorSignature.Check.VALID;
        if (valid) {
            units.inNewTransaction(() -> {
                installations.find(installation.apiUrl(), installation.provider()).ifPresent(current -> {
                    current.keysRefreshed(fresh.get(), clock.instant());
                    installations.update(current);
                });
                return null;
            });
        }
        return valid;
    }

    /**
     * At most one JWKS refetch per installation per {@link #KEYS_REFETCH_INTERVAL}: a forged JWS
     * (unknown kid, or a signature that does not verify) costs the hub and the Saleor instance
     * one outbound request a minute, not one per request. A genuine rotation within a minute of
     * such a refetch waits for the next one (Saleor re-sends action webhooks that fail).
     */
    private boolean mayRefetchKeys(SaleorInstallation installation) {
        Instant now = clock.instant();
        boolean[] granted = {false};
        lastKeysRefetch.compute(installation.id(), (id, last) -> {
            if (last == null || !now.isBefore(last.plus(KEYS_REFETCH_INTERVAL))) {
                granted[0] = true;
                return now;
            }
            return last;
        });
        return granted[0];
    }

    JWKSet keys(String jwks) {
        JWKSet known = parsedKeys.get(jwks);
        if (known != null) {
            return known;
        }
        JWKSet parsed;
        try {
            parsed = JWKSet.parse(jwks);
        } catch (ParseException e) {
            return new JWKSet();
        }
        if (parsedKeys.size() >= MAX_PARSED_KEY_SETS) {
            parsedKeys.clear();
        }
        parsedKeys.put(jwks, parsed);
        return parsed;
    }
}
