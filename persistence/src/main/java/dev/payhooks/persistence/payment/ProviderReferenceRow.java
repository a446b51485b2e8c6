package dev.payhooks.persistence.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/** One row of {@code transaction_provider_reference}: a payment reference and since when it holds. */
@Embeddable
public record ProviderReferenceRow(
    @Column(nullable = false) String reference,
    @Column(nullable = false) Instant since) {
}
