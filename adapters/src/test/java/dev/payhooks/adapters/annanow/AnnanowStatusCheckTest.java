package dev.payhooks.adapters.annanow;

import dev.payhooks.adapters.outbound.TestGates;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.reconciliation.ProviderStatusCheck.Found;
import dev.payhooks.application.reconciliation.ProviderStatusCheck.Unknown;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.InMemoryChannels;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReport;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.provider.ProviderConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reconciliation's question to Annanow, over an API that answers what the test sets. */
class AnnanowStatusCheckTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    final Merchant merchant = Merchant.register("m-1", "Shop", "abcdefghij12345", T0);
    final InMemoryChannels channels = new InMemoryChannels();
    final List<Long> asked = new ArrayList<>();
    String answer;
    final AnnanowApi api = new AnnanowApi(TestGates.sandbox()) {
        @Override
        public Optional<String> transactionStatus(ProviderConfiguration configuration, long transactionId) {
            asked.add(transactionId);
            if ("unreachable".equals(answer)) {
                throw new IllegalStateException("Annanow API unreachable: ConnectException");
            }
            return Optional.ofNullable(answer);
        }
    };
    final AnnanowStatusCheck check;

    AnnanowStatusCheckTest() {
        Channel channel = Channel.open("c-1", "m-1", "ch", "Switzerland", "CHF", "CH", T0);
        channel.configure(new ProviderSettings(ProviderId.ANNANOW, null, Map.of("instance", "shop"), Map.of()), T0);
        channels.add(channel);
        check = new AnnanowStatusCheck(channels, new FakeSecrets(), api, new UnitOfWork() {
            @Override
            public <T> T inNewTransaction(Supplier<T> work) {
                return work.get();
            }
        });
    }

    static PaymentTransaction waiting(String channel, String reference) {
        PaymentTransaction t = PaymentTransaction.initialize(TransactionId.of("tx-1"), channel, ProviderId.ANNANOW, "order-1",
            Currency.CHF, T0);
        t.chargeRequested(ProviderReport.of(Money.of(1250, Currency.CHF), T0).withProviderReference(reference));
        return t;
    }

    @Test
    void confirmedIsTheChargesSuccessUnderTheNotificationsEventKey() {
        answer = "confirmed";

        Found found = assertInstanceOf(Found.class, check.check(merchant, waiting("ch", "77")));

        assertEquals(Operation.CHARGE, found.operation());
        assertEquals(OperationResult.SUCCESS, found.result());
        assertEquals("annanow:77:confirmed", found.eventKey());
        assertEquals(List.of(77L), asked);
    }

    @Test
    void declinedOrCancelledIsTheChargesFailureAndWaitingStaysUnknown() {
        answer = "declined";
        assertEquals(OperationResult.FAILURE, assertInstanceOf(Found.class, check.check(merchant, waiting("ch", "77"))).result());
        answer = "cancelled";
        assertEquals("annanow:77:cancelled", assertInstanceOf(Found.class, check.check(merchant, waiting("ch", "77"))).eventKey());
        answer = "waiting";
        assertEquals("Annanow reports the transaction waiting",
            assertInstanceOf(Unknown.class, check.check(merchant, waiting("ch", "77"))).why());
        answer = null;
        assertEquals("Annanow does not know transaction 77",
            assertInstanceOf(Unknown.class, check.check(merchant, waiting("ch", "77"))).why());
        answer = "unreachable";
        assertTrue(assertInstanceOf(Unknown.class, check.check(merchant, waiting("ch", "77"))).why().contains("unreachable"));
    }

    @Test
    void withoutANumericIdOrAConfiguredChannelAnnanowIsNotAsked() {
        answer = "confirmed";
        assertInstanceOf(Unknown.class, check.check(merchant, waiting("ch", "not-a-number")));
        assertInstanceOf(Unknown.class, check.check(merchant, waiting("elsewhere", "77")));
        assertTrue(asked.isEmpty());
    }
}
