package dev.payhooks.domain.saleor;

import java.time.Instant;
import java.util.Objects;

/** A Saleor API URL an operator assigned to a merchant: installations from it work for that merchant. */
public record AssignedSaleorApiUrl(String apiUrl, String merchantId, Instant createdAt) {

    public AssignedSaleorApiUrl {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
