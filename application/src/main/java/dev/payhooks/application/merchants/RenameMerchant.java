package dev.payhooks.application.merchants;

import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;

/**
 * Renames the caller's own merchant: callers who may change its configuration (its API keys, its
 * administrators and developers) do; audited with the old and the new name. The caller owns the
 * transaction.
 */
public record RenameMerchant(Merchants merchants, AuditRecorder audit) {

    public Merchant handle(Caller caller, String name) {
        String merchantId = caller.requireMayChange();
        Merchant merchant = merchants.byId(merchantId).orElseThrow(() -> new NotFound("merchant"));
        String before = merchant.name();
        merchant.rename(name);
        if (!before.equals(merchant.name())) {
            merchants.update(merchant);
            audit.record(merchant.id(), "merchant.renamed", ManageMerchants.subject(merchant),
                "was '" + before + "', now '" + merchant.name() + "'");
        }
        return merchant;
    }
}
