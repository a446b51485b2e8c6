package dev.payhooks.domain.fulfillment;

import dev.payhooks.domain.StampedAggregate;
import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.payment.TransactionId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A shipment of an order, as far as its payment provider must know about it: the tracking
 * number to report for one transaction, with which carrier code, and how reporting went.
 * NP Atobarai needs the report (it bills the customer once goods ship); the report is
 * repeated when the tracking number changes or the provider transaction was re-registered.
 */
public final class Fulfillment extends StampedAggregate {

    private static final Pattern CARRIER_CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MAX_MESSAGE_LENGTH = 1000;

    private final FulfillmentId id;
    private final TransactionId transactionId;
    private TrackingNumber trackingNumber;
    private String carrierCode;
    private ShipmentReportStatus status;
    private String message;
    private int reportAttempts;
    private Instant lastAttemptAt;

    private Fulfillment(FulfillmentSnapshot s) {
        super(s.createdAt(), s.updatedAt(), s.version());
        this.id = Objects.requireNonNull(s.id(), "id");
        this.transactionId = Objects.requireNonNull(s.transactionId(), "transactionId");
        this.trackingNumber = Objects.requireNonNull(s.trackingNumber(), "trackingNumber");
        this.carrierCode = requireCarrierCode(s.carrierCode());
        this.status = Objects.requireNonNull(s.status(), "status");
        this.message = s.message();
        this.reportAttempts = s.reportAttempts();
        this.lastAttemptAt = s.lastAttemptAt();
        if (reportAttempts < 0 || version() < 0) {
            throw new IllegalArgumentException("report attempts and version must not be negative");
        }
    }

    /**
     * A shipment to report.
     *
     * @param carrierCode the provider's code for the carrier (NP Atobarai's PD company code,
     *                    e.g. 50000), or null where the provider needs none
     */
    public static Fulfillment record(FulfillmentId id, TransactionId transactionId, TrackingNumber trackingNumber,
                                     String carrierCode, Instant at) {
        return new Fulfillment(new FulfillmentSnapshot(id, transactionId, trackingNumber, carrierCode,
            ShipmentReportStatus.PENDING, null, 0, null, at, at, 0));
    }

    /** Rebuilds a stored fulfillment; for repositories only. */
    public static Fulfillment reconstitute(FulfillmentSnapshot stored) {
        return new Fulfillment(stored);
    }

    public FulfillmentSnapshot snapshot() {
        return new FulfillmentSnapshot(id, transactionId, trackingNumber, carrierCode, status, message,
            reportAttempts, lastAttemptAt, createdAt(), updatedAt(), version());
    }

    /** The provider accepted the shipment report. */
    public void reportSucceeded(Instant at) {
        requireNotReported("record a successful report");
        attempt(at);
        status = ShipmentReportStatus.REPORTED;
        message = null;
    }

    /** The provider refused the report, or could not be reached; it may be tried again. */
    public void reportFailed(String why, Instant at) {
        requireNotReported("record a failed report");
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("a failed report needs a message saying why");
        }
        attempt(at);
        status = ShipmentReportStatus.FAILED;
        message = why.length() <= MAX_MESSAGE_LENGTH ? why : why.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }

    /**
     * Saleor told us the tracking number (again). A different number or carrier must be
     * reported anew; the same one again (a redelivered webhook) changes nothing.
     *
     * @return whether anything changed
     */
    public boolean trackingNumberChanged(TrackingNumber newNumber, String newCarrierCode, Instant at) {
        Objects.requireNonNull(newNumber, "newNumber");
        String carrier = requireCarrierCode(newCarrierCode);
        if (newNumber.equals(trackingNumber) && Objects.equals(carrier, carrierCode)) {
            return false;
        }
        trackingNumber = newNumber;
        carrierCode = carrier;
        startOver(at);
        return true;
    }

    /**
     * The provider's transaction was replaced (NP Atobarai re-registration after a partial
     * refund after shipment), so the shipment must be reported for the new one.
     */
    public void reportNeededAgain(Instant at) {
        if (status != ShipmentReportStatus.REPORTED) {
            throw new IllegalTransition("fulfillment " + id, status.name(), "ask for the report again",
                "reportSucceeded, reportFailed, trackingNumberChanged");
        }
        startOver(at);
    }

    public FulfillmentId id() { return id; }
    public TransactionId transactionId() { return transactionId; }
    public TrackingNumber trackingNumber() { return trackingNumber; }
    public Optional<String> carrierCode() { return Optional.ofNullable(carrierCode); }
    public ShipmentReportStatus status() { return status; }
    /** Why the last report failed; empty unless FAILED. */
    public Optional<String> message() { return Optional.ofNullable(message); }
    /** Report attempts for the current tracking number. */
    public int reportAttempts() { return reportAttempts; }
    public Optional<Instant> lastAttemptAt() { return Optional.ofNullable(lastAttemptAt); }

    @Override
    public String toString() {
        return "Fulfillment[" + id + ", transaction=" + transactionId + ", " + trackingNumber + ", " + status
            + ", attempts=" + reportAttempts + "]";
    }

    private void attempt(Instant at) {
        reportAttempts++;
        lastAttemptAt = Objects.requireNonNull(at, "at");
        updatedAt(at);
    }

    private void startOver(Instant at) {
        status = ShipmentReportStatus.PENDING;
        message = null;
        reportAttempts = 0;
        lastAttemptAt = null;
        updatedAt(Objects.requireNonNull(at, "at"));
    }

    private void requireNotReported(String attempt) {
        if (status == ShipmentReportStatus.REPORTED) {
            throw new IllegalTransition("fulfillment " + id, status.name(), attempt,
                "trackingNumberChanged, reportNeededAgain");
        }
    }

    private static String requireCarrierCode(String code) {
        if (code == null) {
            return null;
        }
        String trimmed = code.strip();
        if (!CARRIER_CODE.matcher(trimmed).matches()) {
            throw new InvalidValue("carrier code " + InvalidValue.echo(code)
                + " must be 1-32 characters of A-Z, a-z, 0-9, '_', '-'");
        }
        return trimmed;
    }
}
