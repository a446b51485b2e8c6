package dev.payhooks.application.saleor;

import dev.payhooks.domain.saleor.SaleorInstallation;

/** The scope of a stored reply: one Saleor instance's app of one provider. */
final class SaleorScope {

    private SaleorScope() {
    }

    static String of(SaleorInstallation caller) {
        return caller.provider().slug() + " " + caller.apiUrl();
    }
}
