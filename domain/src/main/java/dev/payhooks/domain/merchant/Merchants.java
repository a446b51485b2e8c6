package dev.payhooks.domain.merchant;

import dev.payhooks.domain.port.AggregateStore;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All merchants. */
public interface Merchants extends AggregateStore<Merchant> {

    Optional<Merchant> byId(String id);

    /** Oldest first. */
    List<Merchant> all();

    /**
     * The installation's own merchant: the oldest, made at first start. The console's staff act
     * for it, so it is never disabled.
     */
    default Optional<Merchant> installationMerchant() {
        return all().stream().min(Comparator.comparing(Merchant::createdAt).thenComparing(Merchant::id));
    }

    long count();
}
