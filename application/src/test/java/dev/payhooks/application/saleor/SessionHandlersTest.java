package dev.payhooks.application.saleor;

import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.payment.TransactionStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** InitializeSession and ProcessSession over a scripted provider and in-memory repositories. */
class SessionHandlersTest extends SaleorFixture {

    static final Money EUR_24 = Money.of(2400, Currency.of("EUR"));
    static final TransactionId HUB_ID = TransactionId.of("adyen-1");

    final List<String> calls = new ArrayList<>();
    ProviderAnswer next = answer(OperationResult.SUCCESS, "PSP1");
    boolean configured = true;
    boolean chargesAtOnce = false;

    final PaymentProvider provider = new PaymentProvider() {
        @Override
        public Optional<ProviderChannel> channel(String merchantId, String channelSlug) {
            return configured ? Optional.of(new Channel(merchant, chargesAtOnce)) : Optional.empty();
        }

        @Override
        public ProviderAnswer initialize(ProviderChannel channel, SessionCall call) {
            calls.add("initialize " + (call.charge() ? "charge" : "authorize"));
            return next;
        }

        @Override
        public ProviderAnswer process(ProviderChannel channel, SessionCall call) {
            calls.add("process " + call.reference().orElse("-"));
            return next;
        }
    };

    /** Writes the typed answer plainly: enough to see what the handler decided. */
    final ReplyFormat<SessionAnswer> format = answer -> answer.operation() + "_" + answer.result() + " "
        + answer.reference().orElse("-") + " " + answer.actions() + " " + answer.refusedByPayment().orElse("")
        + " @" + answer.time();

    final InitializeSession initialize = new InitializeSession(provider, format, deliveries, outcomes, transactions,
        units, clock);
    final ProcessSession process = new ProcessSession(provider, format, deliveries, outcomes, transactions, units, clock);

    static ProviderAnswer answer(OperationResult result, String reference) {
        return new ProviderAnswer(result, true, Optional.of(reference), "Provider: " + result, Optional.of("key-" + result),
            ProviderData.NONE);
    }

    SessionCommand command(String key, boolean authorizationOnly, Optional<String> psp) {
        return new SessionCommand(installation(ProviderId.ADYEN), HUB_ID, "saleor-tx-1", Optional.of("eu"), EUR_24,
            authorizationOnly, key, psp, Optional.empty(), ProviderData.NONE, AnswerDeadline.forSaleorWebhook(clock));
    }

    String reply(Delivery delivery) {
        return assertInstanceOf(Delivery.Replied.class, delivery).reply();
    }

    @Test
    void aFirstSessionCreatesThePaymentRecordsTheAnswerAndStoresTheReply() {
        String reply = reply(initialize.handle(command("initialize:k1", false, Optional.empty())));

        assertTrue(reply.startsWith("AUTHORIZE_SUCCESS PSP1 [CHARGE, CANCEL]"), reply);
        PaymentTransaction payment = transactions.byId("m-1", HUB_ID).orElseThrow();
        assertEquals("saleor-tx-1", payment.merchantReference());
        assertEquals(Optional.of("PSP1"), payment.providerReference());
        assertEquals(List.of("transaction.authorization.success"), published());
    }

    @Test
    void aChannelThatChargesAtOnceChargesUnlessSaleorAsksForAnAuthorization() {
        chargesAtOnce = true;
        assertTrue(reply(initialize.handle(command("a", false, Optional.empty()))).startsWith("CHARGE_SUCCESS PSP1 [REFUND]"));
        assertTrue(reply(initialize.handle(command("b", true, Optional.empty()))).startsWith("AUTHORIZE_SUCCESS"));
        assertEquals(List.of("initialize charge", "initialize authorize"), calls);
    }

    @Test
    void aRepeatGetsTheStoredReplyWithoutASecondCall() {
        String first = reply(initialize.handle(command("k", false, Optional.empty())));
        clock.advance(Duration.ofSeconds(3));

        assertEquals(first, reply(initialize.handle(command("k", false, Optional.empty()))));
        assertEquals(1, calls.size());
        assertEquals(1, published().size());
    }

    @Test
    void aRepeatWhileTheFirstRunsIsBusy() {
        replies.claim("adyen " + API_URL, "k", clock.instant());
        assertInstanceOf(Delivery.Busy.class, initialize.handle(command("k", false, Optional.empty())));
        assertEquals(List.of(), calls);
    }

    @Test
    void anUnsettledAnswerRecordsNothingAndARepeatAsksAgain() {
        next = ProviderAnswer.unsettled(Optional.empty(), "Timeout Error", ProviderData.NONE);

        assertTrue(reply(initialize.handle(command("k", false, Optional.empty()))).startsWith("AUTHORIZE_FAILURE - []"));
        assertEquals(List.of(), transactions.all());

        next = answer(OperationResult.SUCCESS, "PSP1");
        assertTrue(reply(initialize.handle(command("k", false, Optional.empty()))).startsWith("AUTHORIZE_SUCCESS"));
        assertEquals(2, calls.size());
    }

    @Test
    void aRequestRefusedBeforeTheCallIsAnsweredWithoutClaimOrCall() {
        SessionCommand missing = new SessionCommand(installation(ProviderId.ADYEN), HUB_ID, "saleor-tx-1",
            Optional.of("eu"), EUR_24, false, "process:k", Optional.empty(),
            Optional.of(ProviderAnswer.unsettled(Optional.empty(), "details missing", ProviderData.NONE)),
            ProviderData.NONE, AnswerDeadline.forSaleorWebhook(clock));

        assertTrue(reply(process.handle(missing)).startsWith("AUTHORIZE_FAILURE"));
        assertEquals(List.of(), calls);
        assertEquals(0, replies.size());
    }

    @Test
    void anUnconfiguredChannelDoesNothing() {
        configured = false;
        assertInstanceOf(Delivery.NotConfigured.class, initialize.handle(command("k", false, Optional.empty())));
        assertEquals(List.of(), calls);
    }

    @Test
    void processFindsTheProviderReferenceTheHubRecordedWhenSaleorSendsNone() {
        next = answer(OperationResult.ACTION_REQUIRED, "PSP1");
        initialize.handle(command("i", false, Optional.empty()));
        next = answer(OperationResult.SUCCESS, "PSP1");

        String reply = reply(process.handle(command("p", false, Optional.empty())));

        assertEquals(List.of("initialize authorize", "process PSP1"), calls);
        assertTrue(reply.startsWith("AUTHORIZE_SUCCESS"), reply);
        assertEquals(TransactionStatus.AUTHORIZED, transactions.byId("m-1", HUB_ID).orElseThrow().status());
    }
}
