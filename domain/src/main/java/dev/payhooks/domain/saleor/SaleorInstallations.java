package dev.payhooks.domain.saleor;

import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.AggregateStore;

import java.util.List;
import java.util.Optional;

/** Every Saleor instance the hub is installed in, per provider app. The caller owns the transaction. */
public interface SaleorInstallations extends AggregateStore<SaleorInstallation> {

    Optional<SaleorInstallation> find(String apiUrl, ProviderId provider);

    /** The installations of a provider's app that work for a merchant (usually one). */
    List<SaleorInstallation> ofMerchant(String merchantId, ProviderId provider);

    /** Every installation that works for a merchant, all providers, ordered by provider and API URL. */
    List<SaleorInstallation> ofMerchant(String merchantId);

    void add(SaleorInstallation installation);

    /** Stores changes (optimistic locking: {@link dev.payhooks.domain.error.Conflict} if changed meanwhile). */
    void update(SaleorInstallation installation);

    /** Forgets an installation (staff removed it); its Saleor may then install an app anew. */
    void remove(SaleorInstallation installation);
}
