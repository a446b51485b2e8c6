package dev.payhooks.application.saleor;

import dev.payhooks.application.payment.RecordProviderOutcome;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.outbound.EventIdGenerator;
import dev.payhooks.domain.outbound.EventQueue;
import dev.payhooks.domain.outbound.InMemoryDeliveries;
import dev.payhooks.domain.outbound.InMemoryOutbox;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.OutboxPosition;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.payment.InMemoryPaymentTransactions;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.saleor.InMemoryWebhookReplies;
import dev.payhooks.domain.saleor.SaleorInstallation;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** In-memory ports shared by the Saleor handler tests. */
class SaleorFixture {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final String API_URL = "https://shop.example/graphql/";

    final SteppingClock clock = new SteppingClock(T0);
    final SequentialIds ids = new SequentialIds();
    final InMemoryPaymentTransactions transactions = new InMemoryPaymentTransactions();
    final InMemoryWebhookReplies replies = new InMemoryWebhookReplies();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final Merchant merchant = Merchant.register("m-1", "Shop", "shop00000000001", T0);
    final UnitOfWork units = new UnitOfWork() {
        @Override
        public <T> T inNewTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    final RepeatedDeliveries deliveries = new RepeatedDeliveries(replies, units, clock);
    final RecordProviderOutcome outcomes = new RecordProviderOutcome(transactions, new TransactionNotices(
        new EventQueue(outbox, new InMemoryWebhookSubscriptions(), new InMemoryDeliveries(), ids),
        EventIdGenerator.secureRandom(), clock), ids, clock);

    SaleorInstallation installation(ProviderId provider) {
        FakeSecrets secrets = new FakeSecrets();
        return SaleorInstallation.install(API_URL, provider, "m-1", "app-1", secrets.seal("token", "ctx"),
            "{\"keys\":[]}", T0);
    }

    List<String> published() {
        return outbox.after(OutboxPosition.START, 100).stream().map(OutboundEvent::eventType).toList();
    }

    /** A channel of the test merchant. */
    record Channel(Merchant merchant, boolean chargesAtOnce) implements ProviderChannel { }
}
