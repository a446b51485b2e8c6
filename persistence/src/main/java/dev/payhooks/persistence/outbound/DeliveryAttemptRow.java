package dev.payhooks.persistence.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.Objects;

@Embeddable
public class DeliveryAttemptRow {

    @Column(nullable = false) Instant startedAt;
    @Column(name = "latency_ms") long latencyMillis;
    Integer httpStatus;
    String errorClass;
    String responseExcerpt;
    boolean success;

    protected DeliveryAttemptRow() {
        // for JPA
    }

    DeliveryAttemptRow(Instant startedAt, long latencyMillis, Integer httpStatus, String errorClass, String responseExcerpt, boolean success) {
        this.startedAt = startedAt;
        this.latencyMillis = latencyMillis;
        this.httpStatus = httpStatus;
        this.errorClass = errorClass;
        this.responseExcerpt = responseExcerpt;
        this.success = success;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeliveryAttemptRow r && r.latencyMillis == latencyMillis && r.success == success
            && Objects.equals(r.startedAt, startedAt) && Objects.equals(r.httpStatus, httpStatus)
            && Objects.equals(r.errorClass, errorClass) && Objects.equals(r.responseExcerpt, responseExcerpt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startedAt, latencyMillis, httpStatus, errorClass, success);
    }
}
