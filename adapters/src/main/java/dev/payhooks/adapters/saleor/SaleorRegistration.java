package dev.payhooks.adapters.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.OutboundUrlPolicy;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.saleor.AppAlreadyInstalled;
import dev.payhooks.domain.saleor.AssignedSaleorApiUrl;
import dev.payhooks.domain.saleor.SaleorApiUrlAssignments;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.saleor.SaleorInstallations;
import static dev.payhooks.adapters.api.Jsonp.JSON;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Saleor's token exchange: the API URL must be assigned to a merchant by an operator (and pass the
 * SSRF guard) or be on the configured allow-list, the token must resolve to an app id, the
 * instance's JWKS must be fetchable; then the token (sealed), the app id and the JWKS are stored for
 * that API URL and provider. The installation works for the URL's merchant if it is assigned, else
 * for {@code payhooks.saleor.merchant-id}, else for the installation's own merchant; a disabled
 * merchant is refused 403 {@code MERCHANT_DISABLED}. A second registration may only rotate the
 * installed app's token (for the merchant it works for): another app id is answered 409
 * {@code APP_ALREADY_INSTALLED} and nothing is stored, until staff remove the installation.
 * Saleor is called outside the database transaction.
 */
public class SaleorRegistration {

    private final Set<String> allowedApiUrls;
    private final Optional<String> configuredMerchantId;
    private final SaleorApiClient saleor;
    private final SaleorInstallations installations;
    private final SaleorApiUrlAssignments assignments;
    private final OutboundUrlPolicy urlPolicy;
    private final Merchants merchants;
    private final Secrets secrets;
    private final UnitOfWork units;
    private final Clock clock;

    /**
     * @param allowedApiUrls       Saleor GraphQL URLs that may install the app for the configured merchant (exact match)
     * @param configuredMerchantId the merchant allow-listed installations work for; when empty, the installation's own (default) merchant
     * @param assignments          the URLs operators assigned to merchants: they may install the app for their merchant
     * @param urlPolicy            the SSRF guard, asked about an assigned URL before it is called
     */
    public SaleorRegistration(Set<String> allowedApiUrls, Optional<String> configuredMerchantId, SaleorApiClient saleor,
                              SaleorInstallations installations, SaleorApiUrlAssignments assignments,
                              OutboundUrlPolicy urlPolicy, Merchants merchants, Secrets secrets, UnitOfWork units,
                              Clock clock) {
        this.allowedApiUrls = Set.copyOf(allowedApiUrls);
        this.configuredMerchantId = configuredMerchantId.filter(id -> !id.isBlank());
        this.saleor = saleor;
        this.installations = installations;
        this.assignments = assignments;
        this.urlPolicy = urlPolicy;
        this.merchants = merchants;
        this.secrets = secrets;
        this.units = units;
        this.clock = clock;
    }

    public SaleorReply register(ProviderId provider, String apiUrl, String authToken) {
        if (authToken == null || authToken.isBlank()) {
            return SaleorReply.problem(400, "MISSING_AUTH_TOKEN", "Missing auth token.");
        }
        if (apiUrl == null || apiUrl.isBlank()) {
            return SaleorReply.problem(400, "MISSING_SALEOR_API_URL", "Missing Saleor-Api-Url header.");
        }
        String url = apiUrl.strip();
        boolean assigned = units.inNewTransaction(() -> assignments.find(url).isPresent());
        if (!assigned && !allowedApiUrls.contains(url)) {
            return prohibited();
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return SaleorReply.problem(400, "INVALID_SALEOR_API_URL", "Saleor-Api-Url is not a URL.");
        }
        if (assigned && !allowedApiUrls.contains(url)) {
            try {
                urlPolicy.check(uri);
            } catch (InvalidField refused) {
                return SaleorReply.problem(403, "SALEOR_URL_PROHIBITED", "This Saleor API URL may not be called: "
                    + refused.problem());
            }
        }
        Optional<String> appId = saleor.appId(uri, authToken);
        if (appId.isEmpty()) {
            return SaleorReply.problem(401, "UNKNOWN_APP_ID", "The auth token does not resolve to an app id.");
        }
        Optional<String> jwks = saleor.jwks(uri);
        if (jwks.isEmpty()) {
            return SaleorReply.problem(401, "JWKS_NOT_AVAILABLE", "The Saleor instance's JWKS could not be fetched.");
        }
        return units.inNewTransaction(() -> {
            Optional<SaleorInstallation> existing = installations.find(url, provider);
            Optional<AssignedSaleorApiUrl> assignment = assignments.find(url);
            if (assignment.isEmpty() && !allowedApiUrls.contains(url)) {
                return prohibited();
            }
            Optional<Merchant> resolved = assignment.map(AssignedSaleorApiUrl::merchantId).map(merchants::byId)
                .orElseGet(this::configuredMerchant);
            if (resolved.isEmpty()) {
                return SaleorReply.problem(403, "NO_MERCHANT",
                    "payhooks.saleor.merchant-id names no merchant: set it to the one Saleor works for.");
            }
            // a token rotation stays with the merchant the installation was made for
            Optional<Merchant> merchant = existing.isPresent() ? merchants.byId(existing.get().merchantId()) : resolved;
            if (merchant.filter(Merchant::enabled).isEmpty()) {
                return SaleorReply.problem(403, "MERCHANT_DISABLED",
                    "The merchant this Saleor works for is disabled; an operator enables it again.");
            }
            var sealed = secrets.seal(authToken, SaleorInstallation.tokenContext(url, provider));
            if (existing.isPresent()) {
                try {
                    existing.get().reinstalled(appId.get(), sealed, jwks.get(), clock.instant());
                } catch (AppAlreadyInstalled takenBy) {
                    return SaleorReply.problem(409, "APP_ALREADY_INSTALLED", takenBy.getMessage());
                }
                installations.update(existing.get());
            } else {
                installations.add(SaleorInstallation.install(url, provider, merchant.get().id(), appId.get(), sealed,
                    jwks.get(), clock.instant()));
            }
            return SaleorReply.ok(JSON.createObjectBuilder().add("success", true).build());
        });
    }

    private static SaleorReply prohibited() {
        return SaleorReply.problem(403, "SALEOR_URL_PROHIBITED", "This Saleor API URL may not install the app.");
    }

    /**
     * For a URL no operator assigned: the configured merchant if it exists, else the installation's
     * own; merchants an operator adds change nothing until a URL is assigned to them.
     */
    private Optional<Merchant> configuredMerchant() {
        if (configuredMerchantId.isPresent()) {
            return merchants.byId(configuredMerchantId.get());
        }
        return merchants.installationMerchant();
    }
}
