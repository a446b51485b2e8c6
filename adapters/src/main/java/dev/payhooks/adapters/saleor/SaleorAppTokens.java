package dev.payhooks.adapters.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.saleor.SaleorInstallations;

import java.util.Optional;

/** The app token a Saleor instance gave a provider's app, for the hub's calls back to that Saleor. */
public record SaleorAppTokens(SaleorInstallations installations, Secrets secrets, UnitOfWork units) {

    /**
     * The token of the app installed in the Saleor at {@code apiUrl}, opened outside the
     * transaction that reads the installation; empty when the app is no longer installed there.
     */
    public Optional<String> of(String apiUrl, ProviderId provider) {
        return units.inNewTransaction(() -> installations.find(apiUrl, provider))
            .map(installation -> secrets.open(installation.token(), installation.tokenContext()));
    }

    /** {@link #of(String, ProviderId)}, for an installation that works for the merchant only. */
    public Optional<String> of(String merchantId, String apiUrl, ProviderId provider) {
        return units.inNewTransaction(() -> installations.find(apiUrl, provider))
            .filter(installation -> installation.merchantId().equals(merchantId))
            .map(installation -> secrets.open(installation.token(), installation.tokenContext()));
    }
}
