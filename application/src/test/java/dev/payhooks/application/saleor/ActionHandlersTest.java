package dev.payhooks.application.saleor;

import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.ProviderId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** ChargeTransaction, CancelTransaction and RefundTransaction over a scripted provider. */
class ActionHandlersTest extends SaleorFixture {

    static final Money EUR_24 = Money.of(2400, Currency.of("EUR"));

    final List<String> calls = new ArrayList<>();
    ProviderAnswer next = new ProviderAnswer(OperationResult.REQUEST, true, Optional.of("MOD1"), "", Optional.empty(),
        ProviderData.NONE);

    final PaymentProvider provider = new PaymentProvider() {
        @Override
        public Optional<ProviderChannel> channel(String merchantId, String channelSlug) {
            return Optional.of(new Channel(merchant, false));
        }

        @Override
        public ProviderAnswer initialize(ProviderChannel channel, SessionCall call) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProviderAnswer process(ProviderChannel channel, SessionCall call) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProviderAnswer charge(ProviderChannel channel, ActionCall call) {
            calls.add("charge " + call.reference() + " " + call.amount());
            deadlines.add(call.deadline());
            return next;
        }

        @Override
        public ProviderAnswer cancel(ProviderChannel channel, ActionCall call) {
            calls.add("cancel " + call.reference());
            return next;
        }

        @Override
        public ProviderAnswer refund(ProviderChannel channel, ActionCall call) {
            calls.add("refund " + call.reference());
            return next;
        }
    };

    final ReplyFormat<ActionAnswer> format = answer -> answer.operation() + "_" + answer.result() + " "
        + answer.reference().orElse("-") + (answer.missingReference() ? " no reference" : " " + answer.message());

    final ChargeTransaction charge = new ChargeTransaction(provider, format, deliveries, units, clock);
    final CancelTransaction cancel = new CancelTransaction(provider, format, deliveries, units, clock);
    final RefundTransaction refund = new RefundTransaction(provider, format, deliveries, units, clock);

    final List<AnswerDeadline> deadlines = new ArrayList<>();
    final AnswerDeadline deadline = AnswerDeadline.forSaleorWebhook(clock);

    ActionCommand command(String key, Optional<String> psp) {
        return new ActionCommand(installation(ProviderId.ADYEN), "saleor-tx-1", Optional.of("eu"), EUR_24, psp, key,
            ProviderData.NONE, deadline);
    }

    String reply(Delivery delivery) {
        return assertInstanceOf(Delivery.Replied.class, delivery).reply();
    }

    @Test
    void anAcceptedActionIsPendingUnderItsOwnReferenceAndARepeatGetsTheSameReply() {
        assertEquals("CHARGE_REQUEST MOD1 ", reply(charge.handle(command("charge:1", Optional.of("PSP1")))));
        assertEquals("CHARGE_REQUEST MOD1 ", reply(charge.handle(command("charge:1", Optional.of("PSP1")))));
        assertEquals(List.of("charge PSP1 " + EUR_24), calls);
        assertEquals(List.of(), transactions.all());  // the provider's notification records it
    }

    @Test
    void theProviderCallIsBoundByTheDeadlineOfSaleorsRequest() {
        charge.handle(command("charge:2", Optional.of("PSP2")));

        assertEquals(List.of(deadline), deadlines);
    }

    @Test
    void aRefusedActionIsNotKeptSoAskingAgainCallsTheProviderAgain() {
        next = ProviderAnswer.unsettled(Optional.empty(), "Adyen answered HTTP 422", ProviderData.NONE);

        assertEquals("CANCEL_FAILURE PSP1 Adyen answered HTTP 422", reply(cancel.handle(command("c", Optional.of("PSP1")))));
        cancel.handle(command("c", Optional.of("PSP1")));

        assertEquals(2, calls.size());
    }

    @Test
    void withoutTheProviderReferenceNothingIsAsked() {
        assertEquals("REFUND_FAILURE - no reference", reply(refund.handle(command("r", Optional.empty()))));
        assertEquals(List.of(), calls);
        assertEquals(0, replies.size());
    }
}
