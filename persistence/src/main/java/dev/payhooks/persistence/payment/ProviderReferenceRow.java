package dev.payhooks.persistence.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.Objects;

@Embeddable
public class ProviderReferenceRow {

    @Column(name = "reference", length = 255, nullable = false)
    String reference;

    @Column(name = "since", nullable = false)
    Instant since;

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
