package dev.payhooks.domain.saleor;

import dev.payhooks.domain.Aggregate;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.SealedSecret;

import java.time.Instant;
import java.util.Objects;

/**
 * The hub installed as one provider's payment app in one Saleor instance (known by its GraphQL
 * API URL): the merchant it works for, Saleor's id of the app, the app token (sealed) and the
 * instance's signing keys (JWKS), cached until a signature needs newer ones.
 */
public final class SaleorInstallation extends Aggregate {

    static final int MAX_URL_LENGTH = 500;

    private final String apiUrl;
    private final ProviderId provider;
    private final String merchantId;
    private String appId;
    private SealedSecret token;
    private String jwks;
    private final Instant installedAt;
    private Instant updatedAt;

    private SaleorInstallation(String apiUrl, ProviderId provider, String merchantId, String appId, SealedSecret token,
                               String jwks, Instant installedAt, Instant updatedAt, long version) {
        super(version);
        this.apiUrl = requireUrl(apiUrl);
        this.provider = Objects.requireNonNull(provider, "provider");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.appId = requireAppId(appId);
        this.token = Objects.requireNonNull(token, "token");
        this.jwks = Objects.requireNonNull(jwks, "jwks");
        this.installedAt = Objects.requireNonNull(installedAt, "installedAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static SaleorInstallation install(String apiUrl, ProviderId provider, String merchantId, String appId,
                                             SealedSecret token, String jwks, Instant at) {
        return new SaleorInstallation(apiUrl, provider, merchantId, appId, token, jwks, at, at, 0);
    }

    public static SaleorInstallation reconstitute(String apiUrl, ProviderId provider, String merchantId, String appId,
                                                  SealedSecret token, String jwks, Instant installedAt,
                                                  Instant updatedAt, long version) {
        return new SaleorInstallation(apiUrl, provider, merchantId, appId, token, jwks, installedAt, updatedAt, version);
    }

    /**
     * Saleor installed the app again: the same app id rotates its token (and the cached keys).
     * Another app id is refused and nothing changes: any token of an allowed Saleor resolves to
     * some app id, so accepting it would hand the installation (and the legacy HMAC key, which
     * is the token) to whoever holds another app's token. Staff remove the installation first.
     *
     * @throws AppAlreadyInstalled when {@code newAppId} is not this installation's app id
     */
    public void reinstalled(String newAppId, SealedSecret newToken, String newJwks, Instant at) {
        requireAppId(newAppId);
        if (!appId.equals(newAppId)) {
            throw new AppAlreadyInstalled("The " + provider.slug() + " app is already installed in " + apiUrl
                + " by another app; a staff member must remove that installation (admin console or"
                + " DELETE /api/v1/saleor-installations/" + id() + ") before another app can register");
        }
        this.token = Objects.requireNonNull(newToken, "token");
        this.jwks = Objects.requireNonNull(newJwks, "jwks");
        this.updatedAt = at;
    }

    /** The instance rotated its keys: a signature named a key the cached set did not have. */
    public void keysRefreshed(String newJwks, Instant at) {
        this.jwks = Objects.requireNonNull(newJwks, "jwks");
        this.updatedAt = at;
    }

    /**
     * The installation's id in URLs and the console: the provider's slug, a dot, and the API URL
     * in unpadded base64url (no slug holds a dot, base64url has none).
     */
    public String id() {
        return id(apiUrl, provider);
    }

    public static String id(String apiUrl, ProviderId provider) {
        return provider.slug() + "." + java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString(apiUrl.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The context the token is sealed in: bound to this instance and provider. */
    public static String tokenContext(String apiUrl, ProviderId provider) {
        return "saleor-app-token/" + provider.slug() + "/" + apiUrl;
    }

    public String tokenContext() {
        return tokenContext(apiUrl, provider);
    }

    public String apiUrl() { return apiUrl; }
    public ProviderId provider() { return provider; }
    public String merchantId() { return merchantId; }
    public String appId() { return appId; }
    public SealedSecret token() { return token; }
    public String jwks() { return jwks; }
    public Instant installedAt() { return installedAt; }
    public Instant updatedAt() { return updatedAt; }

    private static String requireUrl(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH
            || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new InvalidValue("Saleor API URL " + InvalidValue.echo(url) + " must be an absolute http(s) URL of at most "
                + MAX_URL_LENGTH + " characters");
        }
        return url;
    }

    private static String requireAppId(String id) {
        if (id == null || id.isBlank() || id.length() > 255) {
            throw new InvalidValue("Saleor app id " + InvalidValue.echo(id) + " must be 1-255 characters");
        }
        return id;
    }

    @Override
    public String toString() {
        return "SaleorInstallation[" + provider.slug() + ", " + apiUrl + ", app=" + appId + "]";
    }
}
