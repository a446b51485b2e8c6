package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.payment.PaymentDetails.Contact;
import dev.payhooks.domain.payment.PaymentDetails.LineItem;
import dev.payhooks.domain.payment.PaymentDetails.PaymentMethod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PaymentDetailsTest {

    static final PaymentMethod VISA = new PaymentMethod("VISA", "424242******4242", "27-08", null);
    static final LineItem TEA = new LineItem("Tea", 500L, 1L, "tea-1", "7.7");
    static final Contact ANNA = new Contact(Map.of("firstname", "Anna", "email", "anna@example.test"));

    @Test
    void aFullCardNumberIsRefused() {
        for (String number : List.of("4111111111111111", "4111 1111 1111 1111", "411111*1111111111", "no number")) {
            assertThrows(InvalidValue.class, () -> new PaymentMethod("VISA", number, null, null), number);
        }
        assertThrows(InvalidValue.class, () -> new PaymentMethod("VISA", null, "2027-08", null));
        assertThrows(InvalidValue.class, () -> new PaymentMethod(null, null, null, null));
    }

    @Test
    void aContactHoldsOnlyTheContractsFieldsInItsOrder() {
        assertThrows(InvalidValue.class, () -> new Contact(Map.of("iban", "CH00")));
        assertThrows(InvalidValue.class, () -> new Contact(Map.of()));
        assertEquals(List.of("firstname", "email"), List.copyOf(ANNA.fields().keySet()));
        assertEquals(Map.of("firstname", "[redacted]", "email", "[redacted]"), ANNA.masked().fields());
    }

    @Test
    void aLaterNotificationReplacesThePartsItTellsAndKeepsTheOthers() {
        PaymentDetails first = new PaymentDetails(Optional.of(VISA), List.of(TEA), Optional.of(ANNA));
        PaymentMethod wallet = new PaymentMethod(null, null, null, "twint");

        PaymentDetails later = first.updatedBy(new PaymentDetails(Optional.of(wallet), List.of(), Optional.empty()));

        assertEquals(new PaymentDetails(Optional.of(new PaymentMethod("VISA", "424242******4242", "27-08", "twint")),
            List.of(TEA), Optional.of(ANNA)), later);
        LineItem cup = new LineItem("Cup", 90L, 1L, null, null);
        Contact bob = new Contact(Map.of("firstname", "Bob"));
        assertEquals(new PaymentDetails(Optional.of(new PaymentMethod("MASTERCARD", "555555******4444", "27-08", null)),
                List.of(cup), Optional.of(bob)),
            first.updatedBy(new PaymentDetails(Optional.of(new PaymentMethod("MASTERCARD", "555555******4444", null, null)),
                List.of(cup), Optional.of(bob))));
        assertEquals(first, PaymentDetails.NONE.updatedBy(first));
        assertEquals(first, first.updatedBy(PaymentDetails.NONE));
        assertEquals(new PaymentDetails(Optional.of(VISA), List.of(TEA), Optional.empty()), first.withoutContact());
    }

    @Test
    void aTransactionTakesDetailsIntoItsSnapshot() {
        PaymentTransaction tx = PaymentTransaction.initialize(TransactionId.of("tx-1"), "ch", ProviderId.ANNANOW, "o-1",
            Currency.CHF, java.time.Instant.parse("2026-12-01T00:00:00Z"));
        PaymentDetails details = new PaymentDetails(Optional.of(VISA), List.of(TEA), Optional.of(ANNA));

        tx.describe(details);

        assertEquals(details, tx.details());
        assertEquals(details, PaymentTransaction.reconstitute(tx.snapshot()).details());
    }
}
