package dev.payhooks.domain.payment;

import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.error.InvalidValue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.payhooks.domain.payment.TransactionFixture.*;
import static dev.payhooks.domain.payment.TransactionStatus.*;
import static org.junit.jupiter.api.Assertions.*;

class PaymentTransactionTest {

    private static final Instant LATER = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void startsNewWithZeroAmountsAndNoReference() {
        PaymentTransaction tx = fresh();
        assertEquals(NEW, tx.status());
        assertEquals(eur(0), tx.authorized());
        assertEquals(eur(0), tx.charged());
        assertTrue(tx.providerReference().isEmpty());
        assertTrue(tx.events().isEmpty());
        assertEquals(T0, tx.createdAt());
        assertEquals(T0, tx.updatedAt());
        assertEquals(0, tx.version());
        assertEquals(Set.of(), tx.merchantActions());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "eu store", "tab\tslug"})
    void rejectsBadChannelSlugs(String slug) {
        assertThrows(InvalidValue.class, () -> PaymentTransaction.initialize(TransactionId.of("tx-1"), slug,
            ProviderId.ADYEN, "ref", Currency.EUR, T0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tx 1", "-tx", "tx/1", "01234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsBadTransactionIds(String id) {
        assertThrows(InvalidValue.class, () -> TransactionId.of(id));
    }

    @Test
    void timesComeFromTheReportNeverFromTheSystemClock() {
        PaymentTransaction tx = fresh();
        tx.authorizationSucceeded(ProviderReport.of(eur(1_000), LATER));
        assertEquals(T0, tx.createdAt());
        assertEquals(LATER, tx.updatedAt());
        assertEquals(LATER, tx.events().get(0).at());
    }

    @Nested
    class Refunds {

        @Test
        void neverMoreThanCharged() {
            PaymentTransaction tx = TransactionFixture.in(CHARGED); // EUR 60.00 charged
            AmountLimitExceeded tooMuch = assertThrows(AmountLimitExceeded.class,
                () -> tx.refundSucceeded(report(6_001)));
            assertTrue(tooMuch.getMessage().contains("EUR 60.01"), tooMuch.getMessage());
            assertTrue(tooMuch.getMessage().contains("EUR 60.00"), tooMuch.getMessage());
            assertEquals(CHARGED, tx.status());
            assertEquals(eur(0), tx.refunded());
        }

        @Test
        void partialRefundsSummingToTheChargeMakeItRefunded() {
            PaymentTransaction tx = TransactionFixture.in(CHARGED);
            tx.refundSucceeded(report(1_000));
            assertEquals(PARTIALLY_REFUNDED, tx.status());
            tx.refundSucceeded(report(2_000));
            assertEquals(PARTIALLY_REFUNDED, tx.status());
            tx.refundSucceeded(report(3_000));
            assertEquals(REFUNDED, tx.status());
            assertEquals(eur(6_000), tx.refunded());
            assertThrows(IllegalTransition.class, () -> tx.refundSucceeded(report(1)));
            assertThrows(IllegalTransition.class, () -> tx.refundRequested(report(1)));
        }

        @Test
        void pendingRefundsCountAgainstWhatMayStillBeRequested() {
            PaymentTransaction tx = TransactionFixture.in(CHARGED);
            tx.refundRequested(report(4_000));
            assertEquals(CHARGED, tx.status(), "a request does not move the status once paid");
            assertTrue(tx.hasPendingRequest());
            assertEquals(eur(2_000), tx.amounts().refundable());
            assertThrows(AmountLimitExceeded.class, () -> tx.refundRequested(report(2_001)));
            tx.refundRequested(report(2_000));
            assertEquals(Set.of(), tx.merchantActions().stream()
                .filter(op -> op == Operation.REFUND).collect(java.util.stream.Collectors.toSet()));
        }

        @Test
        void aFailedRefundReleasesItsPendingAmount() {
            PaymentTransaction tx = TransactionFixture.in(CHARGED);
            tx.refundRequested(report(4_000));
            tx.refundFailed(report(4_000).withMessage("Refused"));
            assertEquals(CHARGED, tx.status());
            assertEquals(eur(0), tx.amounts().refundPending());
            assertEquals(eur(6_000), tx.amounts().refundable());
            assertEquals("Refused", tx.events().get(tx.events().size() - 1).message());
        }

        @Test
        void aSuccessSettlesThePendingRequest() {
            PaymentTransaction tx = TransactionFixture.in(CHARGED);
            tx.refundRequested(report(6_000));
            tx.refundSucceeded(report(6_000));
            assertEquals(REFUNDED, tx.status());
            assertFalse(tx.hasPendingRequest());
        }

        @Test
        void aReversalGivesTheMoneyBackToTheMerchant() {
            PaymentTransaction tx = TransactionFixture.in(REFUNDED);
            tx.refundReversed(report(6_000));
            assertEquals(CHARGED, tx.status());
            assertEquals(eur(0), tx.refunded());
            assertThrows(IllegalTransition.class, () -> tx.refundReversed(report(1)));
        }

        @Test
        void aReversalNeverExceedsTheRefunds() {
            PaymentTransaction tx = TransactionFixture.in(PARTIALLY_REFUNDED); // 20.00 refunded
            assertThrows(AmountLimitExceeded.class, () -> tx.refundReversed(report(2_001)));
        }
    }

    @Nested
    class Captures {

        @Test
        void neverMoreThanAuthorized() {
            PaymentTransaction tx = TransactionFixture.in(AUTHORIZED); // EUR 100.00
            assertThrows(AmountLimitExceeded.class, () -> tx.chargeSucceeded(report(10_001)));
            assertThrows(AmountLimitExceeded.class, () -> tx.chargeRequested(report(10_001)));
            assertEquals(AUTHORIZED, tx.status());
        }

        @Test
        void partialCapturesUpToTheAuthorization() {
            PaymentTransaction tx = TransactionFixture.in(AUTHORIZED);
            tx.chargeSucceeded(report(6_000));
            assertEquals(CHARGED, tx.status());
            assertEquals(Set.of(Operation.CHARGE, Operation.CANCEL, Operation.REFUND), tx.merchantActions());
            tx.chargeSucceeded(report(4_000));
            assertEquals(eur(10_000), tx.charged());
            assertEquals(Set.of(Operation.REFUND), tx.merchantActions());
            AmountLimitExceeded more = assertThrows(AmountLimitExceeded.class, () -> tx.chargeSucceeded(report(1)));
            assertTrue(more.getMessage().contains("what remains authorized"), more.getMessage());
        }

        @Test
        void aSaleNeedsNoAuthorizationButCannotBeCapturedAgain() {
            PaymentTransaction tx = fresh();
            tx.chargeSucceeded(report(50_000));
            assertEquals(CHARGED, tx.status());
            assertEquals(eur(0), tx.authorized());
            assertEquals(Set.of(Operation.REFUND), tx.merchantActions());
            assertThrows(AmountLimitExceeded.class, () -> tx.chargeRequested(report(1)));
        }

        @Test
        void pendingCapturesCountAgainstTheAuthorization() {
            PaymentTransaction tx = TransactionFixture.in(AUTHORIZED);
            tx.chargeRequested(report(7_000));
            assertEquals(AUTHORIZED, tx.status());
            assertThrows(AmountLimitExceeded.class, () -> tx.chargeRequested(report(3_001)));
            tx.chargeSucceeded(report(7_000));
            assertEquals(eur(0), tx.amounts().chargePending());
            assertEquals(eur(3_000), tx.amounts().capturable());
        }

        @Test
        void aFailedCaptureKeepsTheAuthorization() {
            PaymentTransaction tx = TransactionFixture.in(AUTHORIZED);
            tx.chargeRequested(report(10_000));
            tx.chargeFailed(report(10_000));
            assertEquals(AUTHORIZED, tx.status());
            assertEquals(Set.of(Operation.CHARGE, Operation.CANCEL), tx.merchantActions());
        }
    }

    @Nested
    class Cancels {

        @Test
        void neverAfterAFullCharge() {
            PaymentTransaction tx = TransactionFixture.in(AUTHORIZED);
            tx.chargeSucceeded(report(10_000));
            AmountLimitExceeded rejected = assertThrows(AmountLimitExceeded.class,
                () -> tx.cancelSucceeded(report(10_000)));
            assertTrue(rejected.getMessage().contains("full charge"), rejected.getMessage());
            assertThrows(AmountLimitExceeded.class, () -> tx.cancelRequested(report(10_000)));
        }

        @Test
        void notAfterASaleEither() {
            PaymentTransaction tx = fresh();
            tx.chargeSucceeded(report(1_000));
            AmountLimitExceeded rejected = assertThrows(AmountLimitExceeded.class,
                () -> tx.cancelSucceeded(report(1_000)));
            assertTrue(rejected.getMessage().contains("without an authorization"), rejected.getMessage());
        }

        @Test
        void voidsTheWholeRemainderAfterAPartialCapture() {
            PaymentTransaction tx = TransactionFixture.in(CHARGED); // 100 authorized, 60 charged
            // Adyen reports the original amount on CANCELLATION; the event keeps it as reported
            List<TransactionEvent> events = tx.cancelSucceeded(report(10_000));
            assertEquals(CHARGED, tx.status());
            assertEquals(eur(4_000), tx.cancelled());
            assertEquals(eur(10_000), events.get(0).amount());
            assertEquals(Set.of(Operation.REFUND), tx.merchantActions());
        }

        @Test
        void voidsTheWholeAuthorization() {
            PaymentTransaction tx = TransactionFixture.in(AUTHORIZED);
            tx.cancelRequested(report(10_000));
            assertEquals(eur(10_000), tx.amounts().cancelPending());
            assertEquals(Set.of(), tx.merchantActions(), "nothing to capture or cancel while a void is pending");
            tx.cancelSucceeded(report(10_000));
            assertEquals(CANCELLED, tx.status());
            assertEquals(eur(10_000), tx.cancelled());
            assertFalse(tx.hasPendingRequest());
            assertTrue(tx.status().isFinal());
        }

        @Test
        void notWhileACaptureIsPending() {
            PaymentTransaction tx = TransactionFixture.in(AUTHORIZED);
            tx.chargeRequested(report(5_000));
            AmountLimitExceeded rejected = assertThrows(AmountLimitExceeded.class,
                () -> tx.cancelRequested(report(10_000)));
            assertTrue(rejected.getMessage().contains("capture"), rejected.getMessage());
        }

        @Test
        void neverMoreThanAuthorized() {
            PaymentTransaction tx = TransactionFixture.in(AUTHORIZED);
            assertThrows(AmountLimitExceeded.class, () -> tx.cancelSucceeded(report(10_001)));
        }

        @Test
        void aFailedCancelKeepsTheAuthorization() {
            PaymentTransaction tx = TransactionFixture.in(AUTHORIZED);
            tx.cancelRequested(report(10_000));
            tx.cancelFailed(report(10_000));
            assertEquals(AUTHORIZED, tx.status());
            assertEquals(Set.of(Operation.CHARGE, Operation.CANCEL), tx.merchantActions());
        }
    }

    @Nested
    class Chargebacks {

        @Test
        void aDisputeKeepsTheStatusAndAChargebackEndsTheTransaction() {
            PaymentTransaction tx = TransactionFixture.in(PARTIALLY_REFUNDED);
            tx.chargebackNotified(report(4_000));
            assertEquals(PARTIALLY_REFUNDED, tx.status());
            tx.chargebackDefended(report(4_000));
            assertEquals(PARTIALLY_REFUNDED, tx.status());
            tx.chargedBack(report(4_000));
            assertEquals(CHARGED_BACK, tx.status());
            assertEquals(eur(4_000), tx.chargedBack());
            assertTrue(tx.status().isFinal());
            assertEquals(Set.of(), tx.merchantActions());
        }

        @Test
        void neverMoreThanCharged() {
            PaymentTransaction tx = TransactionFixture.in(CHARGED);
            assertThrows(AmountLimitExceeded.class, () -> tx.chargedBack(report(6_001)));
        }
    }

    @Nested
    class AmountRules {

        @Test
        void currenciesNeverMix() {
            PaymentTransaction tx = fresh();
            CurrencyMismatch mismatch = assertThrows(CurrencyMismatch.class,
                () -> tx.authorizationSucceeded(ProviderReport.of(Money.of(1_000, Currency.USD), T0)));
            assertTrue(mismatch.getMessage().contains("EUR") && mismatch.getMessage().contains("USD"));
            assertEquals(NEW, tx.status());
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, Long.MIN_VALUE})
        void amountsArePositive(long cents) {
            PaymentTransaction tx = fresh();
            assertThrows(AmountLimitExceeded.class, () -> tx.chargeSucceeded(report(cents)));
            assertTrue(tx.events().isEmpty());
        }

        @Test
        void theWholeLongRangeWorksWithoutSpuriousOverflow() {
            PaymentTransaction tx = fresh();
            tx.authorizationSucceeded(report(Long.MAX_VALUE));
            tx.chargeRequested(report(Long.MAX_VALUE));
            tx.chargeSucceeded(report(Long.MAX_VALUE - 1));
            tx.refundRequested(report(Long.MAX_VALUE - 1));
            tx.refundSucceeded(report(Long.MAX_VALUE - 1));
            assertEquals(REFUNDED, tx.status());
            assertEquals(eur(Long.MAX_VALUE - 1), tx.refunded());
        }

        @Test
        void aPaymentAttemptCanFollowAFailedOne() {
            PaymentTransaction tx = fresh();
            tx.authorizationFailed(report(1_000).withMessage("Refused: Not enough balance"));
            assertEquals(FAILED, tx.status());
            tx.chargeSucceeded(report(1_000));
            assertEquals(CHARGED, tx.status());
            assertEquals(eur(0), tx.authorized());
        }

        @Test
        void actionRequiredThenProcessedToSuccess() {
            PaymentTransaction tx = fresh(); // NP Atobarai: credit check on hold (10), data fixed, updated → 00
            tx.chargeActionRequired(report(3_000).withProviderReference("12345678901").withMessage("RE009"));
            assertEquals(CHARGE_ACTION_REQUIRED, tx.status());
            assertEquals(eur(3_000), tx.amounts().chargePending());
            tx.chargeSucceeded(report(3_000).withProviderReference("12345678901"));
            assertEquals(CHARGED, tx.status());
            assertEquals(eur(0), tx.amounts().chargePending());
            assertEquals(eur(3_000), tx.charged());
        }
    }

    @Nested
    class RepeatedProviderFacts {

        private static final String KEY = "adyen:8815:AUTHORISATION:true:";

        @Test
        void theSameFactTwiceChangesNothing() {
            PaymentTransaction tx = fresh();
            assertEquals(1, tx.authorizationSucceeded(report(1_000).withEventKey(KEY)).size());
            assertTrue(tx.applied(KEY));
            assertEquals(List.of(), tx.authorizationSucceeded(report(1_000).withEventKey(KEY)));
            assertEquals(1, tx.events().size());
            assertEquals(eur(1_000), tx.authorized());
        }

        @Test
        void theSameKeyWithOtherContentIsAConflict() {
            PaymentTransaction tx = fresh();
            tx.authorizationSucceeded(report(1_000).withEventKey(KEY));
            ConflictingEvent conflict = assertThrows(ConflictingEvent.class,
                () -> tx.authorizationSucceeded(report(2_000).withEventKey(KEY)));
            assertTrue(conflict.getMessage().contains("EUR 20.00"), conflict.getMessage());
            assertThrows(ConflictingEvent.class, () -> tx.authorizationFailed(report(1_000).withEventKey(KEY)));
        }

        @Test
        void aRepeatIsRecognisedEvenWhenTheStatusNoLongerAllowsIt() {
            PaymentTransaction tx = fresh();
            tx.authorizationSucceeded(report(1_000).withEventKey(KEY));
            tx.cancelSucceeded(report(1_000));
            assertEquals(List.of(), tx.authorizationSucceeded(report(1_000).withEventKey(KEY)));
        }

        @Test
        void factsWithoutKeysAreNeverMerged() {
            PaymentTransaction tx = TransactionFixture.in(CHARGED);
            tx.refundSucceeded(report(1_000).withProviderReference("12345678901"));
            tx.refundSucceeded(report(1_000).withProviderReference("12345678901"));
            assertEquals(eur(2_000), tx.refunded());
            assertFalse(tx.applied(null));
        }

        @Test
        void keysSurviveReconstitution() {
            PaymentTransaction tx = fresh();
            tx.authorizationSucceeded(report(1_000).withEventKey(KEY));
            PaymentTransaction loaded = PaymentTransaction.reconstitute(tx.snapshot());
            assertTrue(loaded.applied(KEY));
            assertEquals(List.of(), loaded.authorizationSucceeded(report(1_000).withEventKey(KEY)));
        }
    }

    @Nested
    class ProviderReferences {

        @Test
        void thePaymentAttemptSetsTheReference() {
            PaymentTransaction tx = fresh();
            tx.authorizationRequested(report(1_000).withProviderReference("psp-1"));
            tx.authorizationSucceeded(report(1_000).withProviderReference("psp-1"));
            assertEquals("psp-1", tx.providerReference().orElseThrow());
            assertEquals(1, tx.providerReferences().size());
        }

        @Test
        void aModificationsOwnReferenceDoesNotReplaceThePayments() {
            PaymentTransaction tx = fresh();
            tx.authorizationSucceeded(report(1_000).withProviderReference("psp-payment"));
            tx.chargeSucceeded(report(1_000).withProviderReference("psp-capture"));
            assertEquals("psp-payment", tx.providerReference().orElseThrow());
            assertEquals("psp-capture", tx.events().get(1).providerReference());
        }

        @Test
        void aReRegistrationReplacesItAndKeepsTheHistory() {
            PaymentTransaction tx = fresh();
            tx.chargeSucceeded(report(3_000).withProviderReference("11111111111"));
            tx.refundSucceeded(ProviderReport.of(eur(1_500), LATER).withNewPaymentReference("22222222222"));
            assertEquals("22222222222", tx.providerReference().orElseThrow());
            assertEquals(List.of(new ProviderReference("11111111111", report(0).at()),
                new ProviderReference("22222222222", LATER)), tx.providerReferences());
        }

        @Test
        void aNewAttemptAfterAFailureMayBringANewReference() {
            PaymentTransaction tx = fresh();
            tx.authorizationFailed(report(1_000).withProviderReference("psp-1"));
            tx.authorizationSucceeded(report(1_000).withProviderReference("psp-2"));
            assertEquals("psp-2", tx.providerReference().orElseThrow());
            assertEquals(2, tx.providerReferences().size());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "line\nbreak"})
        void badReferencesAreRejected(String reference) {
            assertThrows(InvalidValue.class, () -> report(1).withProviderReference(reference));
        }
    }

    @Nested
    class Reconstitution {

        @Test
        void aSnapshotReconstitutesTheSameTransaction() {
            PaymentTransaction tx = TransactionFixture.in(PARTIALLY_REFUNDED);
            tx.refundRequested(report(500).withEventKey("k1").withMessage("pending at the bank"));
            TransactionSnapshot stored = tx.snapshot();
            PaymentTransaction loaded = PaymentTransaction.reconstitute(stored);
            assertEquals(stored, loaded.snapshot());
            assertEquals(tx.merchantActions(), loaded.merchantActions());
            loaded.refundSucceeded(report(500));
            assertEquals(tx.events().size() + 1, loaded.events().get(loaded.events().size() - 1).sequence());
        }

        @Test
        void aStatusThatContradictsTheEventsIsRejected() {
            TransactionSnapshot stored = TransactionFixture.in(CHARGED).snapshot();
            TransactionSnapshot corrupt = new TransactionSnapshot(stored.id(), stored.channelSlug(), stored.provider(),
                stored.merchantReference(), stored.currency(), REFUNDED, stored.amounts(),
                stored.providerReferences(), stored.events(), stored.createdAt(), stored.updatedAt(), 3);
            assertThrows(IllegalArgumentException.class, () -> PaymentTransaction.reconstitute(corrupt));
        }

        @Test
        void eventsOutOfOrderAreRejected() {
            TransactionSnapshot stored = TransactionFixture.in(CHARGED).snapshot();
            List<TransactionEvent> swapped = new ArrayList<>(stored.events());
            java.util.Collections.swap(swapped, 0, 1);
            TransactionSnapshot corrupt = new TransactionSnapshot(stored.id(), stored.channelSlug(), stored.provider(),
                stored.merchantReference(), stored.currency(), stored.status(), stored.amounts(),
                stored.providerReferences(), swapped, stored.createdAt(), stored.updatedAt(), 3);
            assertThrows(IllegalArgumentException.class, () -> PaymentTransaction.reconstitute(corrupt));
        }

        @Test
        void amountsInAnotherCurrencyAreRejected() {
            TransactionSnapshot stored = fresh().snapshot();
            TransactionSnapshot corrupt = new TransactionSnapshot(stored.id(), stored.channelSlug(), stored.provider(),
                stored.merchantReference(), Currency.JPY, stored.status(), stored.amounts(),
                stored.providerReferences(), stored.events(), stored.createdAt(), stored.updatedAt(), 0);
            assertThrows(CurrencyMismatch.class, () -> PaymentTransaction.reconstitute(corrupt));
        }

        @Test
        void theVersionIsKept() {
            TransactionSnapshot stored = fresh().snapshot();
            TransactionSnapshot v7 = new TransactionSnapshot(stored.id(), stored.channelSlug(), stored.provider(),
                stored.merchantReference(), stored.currency(), stored.status(), stored.amounts(),
                stored.providerReferences(), stored.events(), stored.createdAt(), stored.updatedAt(), 7);
            assertEquals(7, PaymentTransaction.reconstitute(v7).version());
        }
    }

    @Test
    void anIllegalTransitionSaysWhereItStandsAndWhatIsAllowed() {
        PaymentTransaction tx = TransactionFixture.in(AUTHORIZED);
        IllegalTransition rejected = assertThrows(IllegalTransition.class, () -> tx.refundSucceeded(report(1)));
        assertEquals("cannot record REFUND SUCCESS: transaction tx-1 is AUTHORIZED "
            + "(allowed there: CHARGE [SUCCESS, FAILURE, REQUEST], CANCEL [SUCCESS, FAILURE, REQUEST])",
            rejected.getMessage());
        assertEquals("AUTHORIZED", rejected.state());
    }

    @Test
    void longProviderMessagesAreCut() {
        ProviderReport report = report(1).withMessage("x".repeat(5_000));
        assertEquals(ProviderReport.MAX_MESSAGE_LENGTH, report.message().length());
    }

    @Test
    void toStringIsShortAndReadable() {
        String text = TransactionFixture.in(CHARGED).toString();
        assertTrue(text.contains("tx-1") && text.contains("adyen") && text.contains("CHARGED")
            && text.contains("EUR 60.00"), text);
    }
}
