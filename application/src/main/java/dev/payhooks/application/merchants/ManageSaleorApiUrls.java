package dev.payhooks.application.merchants;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.OutboundUrlPolicy;
import dev.payhooks.domain.saleor.AssignedSaleorApiUrl;
import dev.payhooks.domain.saleor.SaleorApiUrl;
import dev.payhooks.domain.saleor.SaleorApiUrlAssignments;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.saleor.SaleorInstallations;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which Saleor instances work for a merchant: an operator assigns a Saleor API URL to a merchant,
 * and the Saleor apps that instance installs from then on work for that merchant (the URL may
 * install them even when the configured allow-list does not name it). A URL belongs to at most one
 * merchant, and is refused while an installation from it works for another merchant. The URL is
 * checked like a webhook's: its syntax here, its host by the SSRF guard. Only operators do this,
 * under the same conditions as {@link ManageMerchants}; each change is recorded in the merchant's
 * audit trail. The caller owns the transaction.
 */
public record ManageSaleorApiUrls(Merchants merchants, SaleorApiUrlAssignments assignments,
                                  SaleorInstallations installations, OutboundUrlPolicy urlPolicy, Clock clock,
                                  AuditRecorder audit) {

    /** The merchant's assigned URLs, ordered by URL. */
    public List<AssignedSaleorApiUrl> list(Caller caller, String merchantId) {
        caller.requireOperator();
        return assignments.ofMerchant(find(merchantId).id());
    }

    public AssignedSaleorApiUrl assign(Caller caller, String merchantId, String apiUrl) {
        caller.requireOperator();
        Merchant merchant = find(merchantId);
        SaleorApiUrl url = SaleorApiUrl.parse(apiUrl);
        assignments.find(url.value()).ifPresent(taken -> {
            throw new Conflict(url + (taken.merchantId().equals(merchant.id()) ? " is assigned to this merchant already"
                : " is assigned to merchant " + taken.merchantId() + "; a URL belongs to one merchant"));
        });
        installedForAnother(url.value(), merchant.id()).ifPresent(installation -> {
            throw new Conflict("the " + installation.provider().slug() + " app installed from " + url
                + " works for merchant " + installation.merchantId() + "; remove that installation first");
        });
        try {
            urlPolicy.check(url.uri());
        } catch (InvalidField refused) {
            throw new InvalidField(SaleorApiUrl.FIELD, refused.problem());
        }
        AssignedSaleorApiUrl assignment = new AssignedSaleorApiUrl(url.value(), merchant.id(), clock.instant());
        assignments.add(assignment);
        audit.record(merchant.id(), "merchant.saleor-url-assigned", ManageMerchants.subject(merchant), url.value());
        return assignment;
    }

    /**
     * Takes the URL from the merchant: new installations from it are refused unless the allow-list
     * names it. Installations made from it keep working for the merchant until staff remove them.
     */
    public void unassign(Caller caller, String merchantId, String apiUrl) {
        caller.requireOperator();
        Merchant merchant = find(merchantId);
        String url = apiUrl == null ? "" : apiUrl.strip();
        if (assignments.find(url).filter(a -> a.merchantId().equals(merchant.id())).isEmpty()) {
            throw new NotFound("Saleor API URL '" + url + "' of merchant " + merchant.id());
        }
        assignments.remove(url);
        audit.record(merchant.id(), "merchant.saleor-url-unassigned", ManageMerchants.subject(merchant), url);
    }

    private Optional<SaleorInstallation> installedForAnother(String apiUrl, String merchantId) {
        return Arrays.stream(ProviderId.values()).flatMap(provider -> installations.find(apiUrl, provider).stream())
            .filter(installation -> !installation.merchantId().equals(merchantId)).findFirst();
    }

    private Merchant find(String merchantId) {
        return merchants.byId(merchantId).orElseThrow(() -> new NotFound("merchant '" + merchantId + "'"));
    }
}
