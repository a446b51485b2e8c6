package dev.payhooks.persistence.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.Objects;

@Embeddable
public class ProviderReferenceRow {

    @Column(nullable = false) String reference;
    @Column(nullable = false) Instant since;

    protected ProviderReferenceRow() {
        // for JPA
    }

    ProviderReferenceRow(String reference, Instant since) {
        this.reference = reference;
        this.since = since;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderReferenceRow r && Objects.equals(r.reference, reference) && Objects.equals(r.since, since);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reference, since);
    }
}
