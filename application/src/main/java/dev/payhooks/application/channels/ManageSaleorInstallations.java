package dev.payhooks.application.channels;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.saleor.SaleorInstallations;

import java.util.List;

/**
 * Staff's view of the Saleor instances the hub is installed in: list them, and remove one (so
 * that its Saleor may install another app, see {@link SaleorInstallation#reinstalled}). A
 * removal is audited and needs a caller who may administer the installation (it decides which
 * Saleor app the hub trusts). The caller owns the transaction.
 */
public record ManageSaleorInstallations(SaleorInstallations installations, AuditRecorder audit) {

    public List<SaleorInstallation> list(String merchantId) {
        return installations.ofMerchant(merchantId);
    }

    /** Removes the merchant's installation with this {@link SaleorInstallation#id() id}; another merchant's is not found. */
    public SaleorInstallation remove(Caller caller, String installationId) {
        caller.requireMayAdminister();
        String merchantId = caller.merchantId();
        SaleorInstallation installation = installations.ofMerchant(merchantId).stream()
            .filter(i -> i.id().equals(installationId))
            .findFirst()
            .orElseThrow(() -> new NotFound("Saleor installation '" + installationId + "'"));
        installations.remove(installation);
        audit.record(merchantId, "saleor-installation.removed", subject(installation),
            "API URL " + installation.apiUrl() + ", app id " + installation.appId());
        return installation;
    }

    private static String subject(SaleorInstallation installation) {
        String subject = "Saleor " + installation.provider().slug() + " app in " + installation.apiUrl();
        int max = dev.payhooks.domain.audit.AuditEntry.MAX_SUBJECT;
        return subject.length() > max ? subject.substring(0, max - 1) + "…" : subject;
    }
}
