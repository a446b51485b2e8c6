package dev.payhooks.domain.saleor;

import java.util.List;
import java.util.Optional;

/** Which merchant each assigned Saleor API URL belongs to (at most one). The caller owns the transaction. */
public interface SaleorApiUrlAssignments {

    /** The assignment of exactly this URL, if any. */
    Optional<AssignedSaleorApiUrl> find(String apiUrl);

    /** A merchant's assigned URLs, ordered by URL. */
    List<AssignedSaleorApiUrl> ofMerchant(String merchantId);

    /** Stores a new assignment; {@link dev.payhooks.domain.error.Conflict} when the URL is assigned already. */
    void add(AssignedSaleorApiUrl assignment);

    /** Forgets the assignment of this URL; nothing happens when there is none. */
    void remove(String apiUrl);
}
