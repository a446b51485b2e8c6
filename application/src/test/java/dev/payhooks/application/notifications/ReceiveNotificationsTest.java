package dev.payhooks.application.notifications;

import dev.payhooks.application.channels.ManageChannels;
import dev.payhooks.application.payment.RecordProviderOutcome;

import dev.payhooks.domain.inbound.ApplyLanes;
import dev.payhooks.domain.inbound.InMemoryInboundNotifications;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.InboundNotifications.StoreResult;
import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.merchant.InMemoryChannels;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.SettingInput;
import dev.payhooks.domain.outbound.EventIdGenerator;
import dev.payhooks.domain.outbound.EventQueue;
import dev.payhooks.domain.outbound.InMemoryDeliveries;
import dev.payhooks.domain.outbound.InMemoryOutbox;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.OutboxPosition;
import dev.payhooks.domain.trace.Correlation;
import dev.payhooks.domain.trace.CorrelationId;
import dev.payhooks.domain.outbound.TransactionNotices;
import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.InMemoryPaymentTransactions;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionStatus;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.provider.DecodedNotification;
import dev.payhooks.domain.provider.InboundRequest;
import dev.payhooks.domain.provider.MalformedNotification;
import dev.payhooks.domain.provider.NotificationEffect;
import dev.payhooks.domain.provider.NotificationEffect.FactsOrNoEffect;
import dev.payhooks.domain.provider.NotificationProvider;
import dev.payhooks.domain.provider.PaymentFact;
import dev.payhooks.domain.provider.ProviderConfiguration;
import dev.payhooks.domain.provider.TransactionTarget;
import dev.payhooks.application.notifications.ReceiveNotifications.Outcome;
import dev.payhooks.application.notifications.ReceiveNotifications.Receipt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline with a provider that batches several items per request (as Adyen does): lines
 * {@code key reference amount} in text/plain; "token: ok" proves the sender.
 */
class ReceiveNotificationsTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** A provider whose body is one item per line: "key reference amount" (amount in JPY, a sale). */
    static final class BatchProvider implements NotificationProvider {
        @Override public ProviderId provider() { return ProviderId.ADYEN; }
        @Override public Set<String> mediaTypes() { return Set.of("text/plain"); }
        @Override public Set<String> keptHeaders() { return Set.of("content-type"); }

        @Override
        public VerificationResult verify(InboundRequest request, ProviderConfiguration configuration) {
            return request.headers().value("token").filter("ok"::equals).isPresent()
                ? VerificationResult.verified() : VerificationResult.failed("no token");
        }

        /** How often a body was parsed. */
        int parses;
        final InboundRequest.BodyReader<List<String[]>> lines = request -> {
            parses++;
            List<String[]> parsed = new ArrayList<>();
            for (String line : new String(request.body(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.split(" ");
                if (parts.length != 3 || !parts[2].matches("-?[0-9]{1,9}")) {
                    throw new MalformedNotification("line '" + line + "' is not 'key reference amount'");
                }
                parsed.add(parts);
            }
            return parsed;
        };

        @Override
        public List<DecodedNotification> decode(InboundRequest request) {
            List<DecodedNotification> items = new ArrayList<>();
            for (String[] parts : request.read(lines)) {
                if (parts[1].equals("-")) {
                    items.add(new DecodedNotification(new NotificationKey(parts[0]), "no-op", new NotificationEffect.NoEffect("nothing")));
                    continue;
                }
                Money amount = Money.of(Long.parseLong(parts[2]), Currency.JPY);
                TransactionTarget target = new TransactionTarget(List.of(), Optional.of(parts[1]),
                    Optional.of(new TransactionTarget.NewTransaction(parts[1], Currency.JPY)));
                items.add(new DecodedNotification(new NotificationKey(parts[0]), "sale " + parts[0],
                    new NotificationEffect.OnTransaction(target, current -> FactsOrNoEffect.of(
                        PaymentFact.of(Operation.CHARGE, OperationResult.SUCCESS, amount, "psp-" + parts[0], null, "fact:" + parts[0])))));
            }
            return items;
        }
    }

    /** Transactions whose writes can be made to fail, as a database would. */
    static final class FlakyTransactions extends InMemoryPaymentTransactions {
        boolean failing;

        @Override
        public synchronized void add(String merchantId, PaymentTransaction transaction) {
            if (failing) {
                throw new IllegalStateException("database unavailable");
            }
            super.add(merchantId, transaction);
        }
    }

    final SteppingClock clock = new SteppingClock(T0);
    final SequentialIds ids = new SequentialIds();
    final FakeSecrets secrets = new FakeSecrets();
    final InMemoryChannels channels = new InMemoryChannels();
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final InMemoryInboundNotifications notifications = new InMemoryInboundNotifications();
    final FlakyTransactions transactions = new FlakyTransactions();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final BatchProvider batches = new BatchProvider();
    final ReceiveNotifications pipeline;
    final ApplyNotifications applying;
    final String endpointKey;

    ReceiveNotificationsTest() {
        Merchant merchant = Merchant.register("m-1", "Shop", "shop00000000001", T0);
        merchants.add(merchant);
        EventQueue queue = new EventQueue(outbox, new InMemoryWebhookSubscriptions(), new InMemoryDeliveries(), ids);
        EventIdGenerator eventIds = EventIdGenerator.secureRandom();
        NotificationProviders providers = new NotificationProviders(List.of(batches));
        pipeline = new ReceiveNotifications(providers, channels, notifications, secrets, ids, clock);
        applying = applying(providers, queue, eventIds);
        endpointKey = openAdyenChannel("m-1", "jp");
    }

    ApplyNotifications applying(NotificationProviders providers, EventQueue queue, EventIdGenerator eventIds) {
        return new ApplyNotifications(providers, channels, merchants, notifications,
            new RecordProviderOutcome(transactions, new TransactionNotices(queue, eventIds, clock), ids, clock), queue,
            eventIds, secrets, clock, List.of());
    }

    /** Opens a channel of a merchant with Adyen configured; returns its notification endpoint key. */
    String openAdyenChannel(String merchantId, String slug) {
        ManageChannels manage = new ManageChannels(channels, secrets, ids, clock,
            new dev.payhooks.domain.audit.InMemoryAuditTrail().recorder(() -> dev.payhooks.domain.audit.Actor.SYSTEM, clock),
            new dev.payhooks.domain.port.FakeEndpointPolicy());
        manage.open(dev.payhooks.application.access.TestCallers.developer(merchantId),
            new ManageChannels.ChannelDescription(slug, "Japan", "JPY", "JP"));
        Map<String, SettingInput> adyen = new LinkedHashMap<>();
        adyen.put("apiKey", new SettingInput.Text("key"));
        adyen.put("merchantAccount", new SettingInput.Text("Shop"));
        adyen.put("clientKey", new SettingInput.Text("client"));
        adyen.put("hmacKeys", new SettingInput.TextList(List.of("00")));
        adyen.put("notificationUsername", new SettingInput.Text("u"));
        adyen.put("notificationPassword", new SettingInput.Text("p"));
        return manage.configureProvider(dev.payhooks.application.access.TestCallers.developer(merchantId), slug, ProviderId.ADYEN, adyen)
            .provider(ProviderId.ADYEN).orElseThrow().endpointKey().orElseThrow();
    }

    Receipt receive(String body, String token) {
        return receiveAt(endpointKey, body, token);
    }

    Receipt receiveAt(String endpoint, String body, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        if (token != null) {
            headers.put("token", token);
        }
        return pipeline.receive(new InboundRequest(ProviderId.ADYEN, endpoint, body.getBytes(StandardCharsets.UTF_8),
            NotificationHeaders.of(headers), clock.instant()));
    }

    /**
     * A provider that confirms each notification with its API (as Annanow re-fetches): token "ok"
     * authenticates, "none" is a channel asking no proof, anything else fails. Counts its API calls.
     */
    static class ConfirmingProvider implements NotificationProvider {
        final BatchProvider items = new BatchProvider();
        int apiCalls;

        @Override public ProviderId provider() { return ProviderId.ADYEN; }
        @Override public Set<String> mediaTypes() { return items.mediaTypes(); }
        @Override public Set<String> keptHeaders() { return Set.of("content-type", "token"); }
        @Override public List<DecodedNotification> decode(InboundRequest request) { return items.decode(request); }
        @Override public boolean confirmsWithProvider(ProviderConfiguration configuration) { return true; }

        @Override
        public VerificationResult verify(InboundRequest request, ProviderConfiguration configuration) {
            String token = request.headers().value("token").orElse("");
            return token.equals("ok") ? VerificationResult.verified()
                : token.equals("none") ? VerificationResult.notRequired() : VerificationResult.failed("bad token");
        }

        @Override
        public Optional<String> confirmationFailure(InboundRequest request, DecodedNotification notification,
                                                    ProviderConfiguration configuration) {
            apiCalls++;
            return Optional.empty();
        }
    }

    @Test
    void theProviderIsAskedToConfirmOnlyAnAuthenticatedNotification() {
        ConfirmingProvider provider = new ConfirmingProvider();
        EventQueue queue = new EventQueue(outbox, new InMemoryWebhookSubscriptions(), new InMemoryDeliveries(), ids);
        EventIdGenerator eventIds = EventIdGenerator.secureRandom();
        NotificationProviders providers = new NotificationProviders(List.of(provider));
        ReceiveNotifications confirming = new ReceiveNotifications(providers, channels, notifications, secrets, ids, clock);
        ApplyNotifications applyingConfirmed = applying(providers, queue, eventIds);
        java.util.function.BiFunction<String, String, Receipt> send = (body, token) -> confirming.receive(new InboundRequest(
            ProviderId.ADYEN, endpointKey, body.getBytes(StandardCharsets.UTF_8),
            NotificationHeaders.of(Map.of("Content-Type", "text/plain", "token", token)), clock.instant()));

        Receipt forged = send.apply("k1 order-1 500", "forged");
        assertEquals(Outcome.UNAUTHENTICATED, forged.outcome());
        forged.notificationIds().forEach(applyingConfirmed::apply);
        Receipt unproven = send.apply("k2 order-2 500", "none");
        unproven.toApply().forEach(applyingConfirmed::apply);

        assertEquals(0, provider.apiCalls, "no provider call for an unauthenticated notification");
        InboundNotification ignored = notifications.byId(unproven.toApply().get(0)).orElseThrow();
        assertEquals(ProcessingStatus.IGNORED, ignored.status());
        assertTrue(ignored.statusReason().orElseThrow().contains("not authenticated"), ignored.statusReason().toString());
        assertEquals(List.of(), transactions.all());

        Receipt genuine = send.apply("k3 order-3 500", "ok");
        genuine.toApply().forEach(applyingConfirmed::apply);
        assertEquals(1, provider.apiCalls);
        assertEquals(1, transactions.all().size());
    }

    @Test
    void theSameProviderKeyAtTwoMerchantsIsStoredAndAppliedForEach() {
        merchants.add(Merchant.register("m-2", "Other shop", "shop00000000002", T0));
        String otherEndpoint = openAdyenChannel("m-2", "jp");

        Receipt mine = receive("k1 order-1 500", "ok");
        mine.toApply().forEach(applying::apply);
        // the other merchant's provider account hands out the same key: not a resend of mine
        Receipt theirs = receiveAt(otherEndpoint, "k1 order-1 700", "ok");
        assertEquals(Outcome.ACCEPTED, theirs.outcome());
        assertEquals(1, theirs.toApply().size());
        theirs.toApply().forEach(applying::apply);

        assertEquals(Money.of(500, Currency.JPY), transactions.byMerchantReference("m-1", ProviderId.ADYEN, "order-1")
            .orElseThrow().charged());
        assertEquals(Money.of(700, Currency.JPY), transactions.byMerchantReference("m-2", ProviderId.ADYEN, "order-1")
            .orElseThrow().charged());
        // each resend is still a duplicate within its own merchant
        assertEquals(Outcome.DUPLICATE, receive("k1 order-1 500", "ok").outcome());
        assertEquals(Outcome.DUPLICATE, receiveAt(otherEndpoint, "k1 order-1 700", "ok").outcome());
    }

    @Test
    void everyItemOfABatchIsStoredAppliedAndDeduplicatedOnItsOwn() {
        Receipt first = receive("k1 order-1 500\nk2 order-2 700", "ok");
        assertEquals(Outcome.ACCEPTED, first.outcome());
        assertEquals(2, first.toApply().size());
        first.toApply().forEach(applying::apply);
        assertEquals(2, transactions.all().size());

        // a resend with one new item: only that one is stored and applied
        Receipt second = receive("k2 order-2 700\nk3 order-3 900", "ok");
        assertEquals(Outcome.ACCEPTED, second.outcome());
        assertEquals(2, second.notificationIds().size());
        assertEquals(1, second.toApply().size());
        second.toApply().forEach(applying::apply);
        assertEquals(3, transactions.all().size());
        assertEquals(3, outbox.after(OutboxPosition.START, 10).size());

        Receipt third = receive("k1 order-1 500", "ok");
        assertEquals(Outcome.DUPLICATE, third.outcome());
        assertEquals(List.of(), third.toApply());
    }

    /**
     * The worker applies on another thread, later: the id comes from the stored row, not from the
     * thread. Each notification's events carry the id of the request that stored it, whatever the
     * worker's thread holds.
     */
    @Test
    void theEventsOfAnAppliedNotificationCarryTheCorrelationIdOfTheRequestThatStoredIt() {
        Receipt first;
        try (Correlation.Unit request = Correlation.open(Optional.of(new CorrelationId("it-first")))) {
            first = receive("k1 order-1 500", "ok");
        }
        Receipt second;
        try (Correlation.Unit request = Correlation.open(Optional.of(new CorrelationId("it-second")))) {
            second = receive("k2 order-2 700", "ok");
        }
        try (Correlation.Unit worker = Correlation.open(Optional.empty())) {
            second.toApply().forEach(applying::apply);
            first.toApply().forEach(applying::apply);
            assertEquals(Optional.of(new CorrelationId("it-first")), Correlation.current(), "the last one applied is current");
        }
        assertEquals(Optional.empty(), Correlation.current(), "the worker's unit ends with the notification");
        assertEquals(2, outbox.after(OutboxPosition.START, 10).size());
        for (var event : outbox.after(OutboxPosition.START, 10)) {
            var transaction = transactions.all().stream()
                .filter(t -> event.source().orElseThrow().startsWith("transaction:" + t.id().value() + ":")).findFirst().orElseThrow();
            assertEquals(transaction.merchantReference().equals("order-1") ? "it-first" : "it-second",
                event.correlationId().orElseThrow().value(), transaction.merchantReference());
        }
        assertEquals(Optional.of(new CorrelationId("it-first")),
            notifications.byId(first.toApply().get(0)).orElseThrow().correlationId());
    }

    @Test
    void theItemsOfABatchAreDueInTheOrderTheProviderListedThem() {
        // more than nine items: the test's ids ("id-9", "id-10") do not sort in the order they were made
        String batch = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "k" + i + " order-" + i + " " + 100 * i)
            .collect(java.util.stream.Collectors.joining("\n"));
        Receipt receipt = receive(batch, "ok");
        assertEquals(12, receipt.toApply().size());
        assertEquals(receipt.toApply(), applying.dueForRetry(20), "applied by received time, then id: in the batch's order");
    }

    @Test
    void aPaymentsNotificationsShareTheLaneOfItsOrderingKeyAndAWorkerGetsItsLanesOnly() {
        Receipt receipt = receive("k1 order-1 500\nk2 order-2 700\nk3 order-1 300\nk4 - 0", "ok");
        List<InboundNotification> stored = receipt.toApply().stream().map(id -> notifications.byId(id).orElseThrow()).toList();
        int lane = ApplyLanes.of("order-1");
        assertEquals(List.of(lane, ApplyLanes.of("order-2"), lane, ApplyLanes.NONE),
            stored.stream().map(InboundNotification::lane).toList(), "by the payment's reference; no payment, lane 0");
        int workers = 4;
        List<String> due = new ArrayList<>();
        for (int worker = 0; worker < workers; worker++) {
            List<Integer> lanes = ApplyLanes.ownedBy(worker, workers);
            List<String> mine = applying.dueForRetry(lanes, 20);
            assertTrue(mine.stream().allMatch(id -> lanes.contains(notifications.byId(id).orElseThrow().lane())));
            due.addAll(mine);
        }
        assertEquals(Set.copyOf(receipt.toApply()), Set.copyOf(due), "every lane has its worker, each notification one");
        List<String> inLane = applying.dueForRetry(List.of(lane), 20);
        assertEquals(List.of(receipt.toApply().get(0), receipt.toApply().get(2)), inLane, "one payment's, in arrival order");
    }

    @Test
    void aRefusedOrUnreadableRequestIsStoredIgnoredAndAResendCoalesces() {
        assertEquals(Outcome.UNAUTHENTICATED, receive("k1 order-1 500", null).outcome());
        assertEquals(Outcome.UNAUTHENTICATED, receive("k1 order-1 500", "forged").outcome());
        assertEquals(Outcome.MALFORMED, receive("k1 order-1", "ok").outcome());
        assertEquals(Outcome.MALFORMED, receive("k1 order-1", "ok").outcome());

        List<InboundNotification> stored = notifications.all();
        assertEquals(2, stored.size());
        stored.forEach(n -> assertEquals(ProcessingStatus.IGNORED, n.status()));
        assertEquals(List.of(), transactions.all());
    }

    @Test
    void unsupportedMediaTypesUnknownEndpointsAndOversizedBodiesAreNotStored() {
        InboundRequest json = new InboundRequest(ProviderId.ADYEN, endpointKey, new byte[] {'{', '}'},
            NotificationHeaders.of(Map.of("Content-Type", "application/json")), T0);
        assertEquals(Outcome.UNSUPPORTED_MEDIA_TYPE, pipeline.receive(json).outcome());
        InboundRequest unknown = new InboundRequest(ProviderId.ADYEN, "nope", new byte[] {'x'},
            NotificationHeaders.of(Map.of("Content-Type", "text/plain")), T0);
        assertEquals(Outcome.UNKNOWN_ENDPOINT, pipeline.receive(unknown).outcome());
        InboundRequest walley = new InboundRequest(ProviderId.WALLEY, endpointKey, new byte[] {'x'},
            NotificationHeaders.of(Map.of("Content-Type", "text/plain")), T0);
        assertEquals(Outcome.UNKNOWN_ENDPOINT, pipeline.receive(walley).outcome(), "no Walley provider in this pipeline");
        InboundRequest huge = new InboundRequest(ProviderId.ADYEN, endpointKey, new byte[ReceiveNotifications.MAX_BODY_BYTES + 1],
            NotificationHeaders.of(Map.of("Content-Type", "text/plain")), T0);
        assertEquals(Outcome.TOO_LARGE, pipeline.receive(huge).outcome());
        assertEquals(List.of(), notifications.all());
    }

    @Test
    void aTechnicalFailureIsRecordedAndRetriedUntilItSucceeds() {
        String id = receive("k1 order-1 500", "ok").toApply().get(0);
        transactions.failing = true;
        assertThrows(IllegalStateException.class, () -> applying.apply(id));
        assertTrue(applying.recordFailure(id, "IllegalStateException: database unavailable"));
        assertEquals(ProcessingStatus.FAILED, notifications.byId(id).orElseThrow().status());

        assertEquals(List.of(), applying.dueForRetry(10), "not before the retry delay");
        clock.advance(ReceiveNotifications.RETRY_DELAY.plusSeconds(1));
        assertEquals(List.of(id), applying.dueForRetry(10));

        assertTrue(notifications.byId(id).orElseThrow().transactionId().isEmpty(), "a failed attempt applied to nothing");

        transactions.failing = false;
        InboundNotification processed = applying.apply(id).orElseThrow();
        assertEquals(ProcessingStatus.PROCESSED, processed.status());
        assertEquals(TransactionStatus.CHARGED, transactions.all().get(0).status());
        assertEquals(Optional.of(transactions.all().get(0).id()), processed.transactionId(), "it names the transaction it applied to");
        assertEquals(processed.transactionId(), notifications.byId(id).orElseThrow().transactionId());
        assertEquals(List.of(), applying.dueForRetry(10));
        assertTrue(applying.apply(id).isEmpty(), "a processed notification is not applied again");
    }

    @Test
    void severalAreAppliedTogetherOldestFirstAndAFailureIsThrownForTheCallerToRollBack() {
        String first = receive("k1 order-1 500", "ok").toApply().get(0);
        clock.advance(Duration.ofSeconds(1));
        String second = receive("k2 order-2 700", "ok").toApply().get(0);
        clock.advance(Duration.ofSeconds(1));
        String third = receive("k3 order-3 900", "ok").toApply().get(0);

        assertEquals(2, applying.applyAll(List.of(second, first, "missing")));
        assertEquals(1, notifications.settled(), "settled between the two, not after the last");
        assertEquals(List.of("order-1", "order-2"), transactions.all().stream().map(PaymentTransaction::merchantReference).toList(),
            "oldest received first");
        assertEquals(ProcessingStatus.PROCESSED, notifications.byId(first).orElseThrow().status());
        assertEquals(ProcessingStatus.PROCESSED, notifications.byId(second).orElseThrow().status());
        assertEquals(0, applying.applyAll(List.of(first, second)), "applied once");
        assertEquals(1, notifications.settled());

        transactions.failing = true;
        assertThrows(IllegalStateException.class, () -> applying.applyAll(List.of(third)));
        transactions.failing = false;
        assertEquals(1, applying.applyAll(List.of(third)));
        assertEquals(ProcessingStatus.PROCESSED, notifications.byId(third).orElseThrow().status());
    }

    @Test
    void afterTheLastAttemptANotificationWaitsForStaff() {
        String id = receive("k1 order-1 500", "ok").toApply().get(0);
        transactions.failing = true;
        for (int i = 0; i < InboundNotification.MAX_PROCESSING_ATTEMPTS; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThrows(IllegalStateException.class, () -> applying.apply(id));
            applying.recordFailure(id, "database unavailable");
        }
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(), applying.dueForRetry(10));
        assertTrue(applying.apply(id).isEmpty());
        assertEquals(InboundNotification.MAX_PROCESSING_ATTEMPTS, notifications.byId(id).orElseThrow().attempts());
    }

    @Test
    void whatTheAggregateRefusesIsIgnoredWithTheReasonAndNothingIsSaved() {
        receive("k1 order-1 500", "ok").toApply().forEach(applying::apply);
        PaymentTransaction before = transactions.all().get(0);

        // a second sale of the same payment: CHARGED does not accept CHARGE SUCCESS beyond what is authorized
        String id = receive("k9 order-1 300", "ok").toApply().get(0);
        InboundNotification outcome = applying.apply(id).orElseThrow();

        assertEquals(ProcessingStatus.IGNORED, outcome.status());
        assertTrue(outcome.statusReason().orElseThrow().contains("refused"), outcome.statusReason().orElseThrow());
        assertEquals(Optional.of(before.id()), outcome.transactionId(), "the transaction that refused it is named");
        assertEquals(before.snapshot(), transactions.all().get(0).snapshot());
        assertEquals(1, outbox.after(OutboxPosition.START, 10).size());
    }

    @Test
    void aNoEffectItemIsIgnoredWithItsReason() {
        String id = receive("k1 - 0", "ok").toApply().get(0);
        InboundNotification outcome = applying.apply(id).orElseThrow();
        assertEquals(ProcessingStatus.IGNORED, outcome.status());
        assertEquals("nothing", outcome.statusReason().orElseThrow());
        assertTrue(outcome.transactionId().isEmpty());
    }

    InboundRequest request(String body, String token) {
        return new InboundRequest(ProviderId.ADYEN, endpointKey, body.getBytes(StandardCharsets.UTF_8),
            NotificationHeaders.of(Map.of("Content-Type", "text/plain", "token", token)), clock.instant());
    }

    @Test
    void theRequestThatStoresABatchParsesItOnceFromVerificationToTheLastItemApplied() {
        InboundRequest request = request("k1 order-1 500\nk2 order-2 700", "ok");

        Receipt receipt = pipeline.receive(request);
        receipt.toApply().forEach(id -> applying.apply(id, request));

        assertEquals(2, transactions.all().size());
        assertEquals(1, batches.parses, "one parse for decoding, storing and applying both items");
        assertEquals(1, request.bodyReads());
    }

    @Test
    void theRetryLoopParsesTheStoredBodyAgainAndARequestWithOtherBytesIsNotUsed() {
        String id = pipeline.receive(request("k1 order-1 500", "ok")).toApply().get(0);
        InboundRequest other = request("k1 order-1 900", "ok");

        InboundNotification applied = applying.apply(id, other).orElseThrow();

        assertEquals(ProcessingStatus.PROCESSED, applied.status());
        assertEquals(Money.of(500, Currency.JPY), transactions.all().get(0).charged(), "the stored bytes, not the other request's");
        assertEquals(0, other.bodyReads());
        assertEquals(2, batches.parses);
    }

    @Test
    void anAcknowledgedRequestCarriesTheBodyItsProviderExpects() {
        NotificationProvider.Acknowledgement accepted = new NotificationProvider.Acknowledgement("[ok]", "text/plain");
        NotificationProvider acknowledging = new ConfirmingProvider() {
            @Override
            public Optional<NotificationProvider.Acknowledgement> acknowledgement() {
                return Optional.of(accepted);
            }
        };
        ReceiveNotifications receiving = new ReceiveNotifications(new NotificationProviders(List.of(acknowledging)),
            channels, notifications, secrets, ids, clock);

        assertEquals(Optional.of(accepted), receiving.receive(request("k1 order-1 500", "ok")).acknowledgement());
        assertEquals(Optional.of(accepted), receiving.receive(request("k1 order-1 500", "ok")).acknowledgement(),
            "a resend is acknowledged the same way");
        assertEquals(Optional.empty(), receiving.receive(request("k2 order-2 500", "forged")).acknowledgement());
        assertEquals(Optional.empty(), pipeline.receive(request("k3 order-3 500", "ok")).acknowledgement(),
            "the hub's JSON receipt");
    }

    @Test
    void followUpsRunOnceForEachAppliedFactWithItsEventsAndNotForARefusedOne() {
        List<String> seen = new ArrayList<>();
        EventQueue queue = new EventQueue(outbox, new InMemoryWebhookSubscriptions(), new InMemoryDeliveries(), ids);
        EventIdGenerator eventIds = EventIdGenerator.secureRandom();
        ApplyNotifications following = new ApplyNotifications(new NotificationProviders(List.of(batches)), channels,
            merchants, notifications, new RecordProviderOutcome(transactions, new TransactionNotices(queue, eventIds, clock),
                ids, clock), queue, eventIds, secrets, clock,
            List.of((merchant, channel, request, key, transaction, fact, events) -> seen.add(key.value() + " "
                + fact.eventKey() + " " + transaction.status() + " " + events.size() + " " + channel.slug())));

        InboundRequest first = request("k1 order-1 500", "ok");
        pipeline.receive(first).toApply().forEach(id -> following.apply(id, first));
        // a second sale of the same payment: the aggregate refuses it
        InboundRequest again = request("k1b order-1 500", "ok");
        String repeated = pipeline.receive(again).toApply().get(0);
        InboundNotification ignored = following.apply(repeated, again).orElseThrow();

        assertEquals(List.of("k1 fact:k1 CHARGED 1 jp"), seen);
        assertEquals(ProcessingStatus.IGNORED, ignored.status());
        assertTrue(ignored.statusReason().orElseThrow().contains("refused"), ignored.statusReason().orElseThrow());
    }

    /** The in-memory intake, recording each call's notifications as handed over; fails every call while {@code failing}. */
    static final class RecordingIntake extends InMemoryInboundNotifications {
        final List<List<InboundNotification>> calls = new ArrayList<>();
        boolean failing;
        private boolean inCall;

        @Override
        public synchronized List<StoreResult> storeAll(List<InboundNotification> received) {
            calls.add(List.copyOf(received));
            if (failing) {
                throw new IllegalStateException("database unavailable");
            }
            inCall = true;
            try {
                return super.storeAll(received);
            } finally {
                inCall = false;
            }
        }

        @Override
        public synchronized StoreResult store(InboundNotification received) {
            return inCall ? super.store(received) : storeAll(List.of(received)).get(0);
        }
    }

    @Test
    void aRequestIsStoredByOneCallAndAnUnreadableOneIsHandedOverIgnored() {
        RecordingIntake intake = new RecordingIntake();
        ReceiveNotifications receiving = new ReceiveNotifications(new NotificationProviders(List.of(batches)), channels,
            intake, secrets, ids, clock);

        Receipt batch = receiving.receive(request("k1 order-1 500\nk2 order-2 700\nk1 order-1 500", "ok"));
        Receipt unreadable = receiving.receive(request("k1 order-1", "ok"));
        Receipt unproven = receiving.receive(request("k3 order-3 500", "forged"));

        assertEquals(List.of(3, 1, 1), intake.calls.stream().map(List::size).toList(), "one call per request");
        assertEquals(Outcome.ACCEPTED, batch.outcome());
        assertEquals(List.of(batch.notificationIds().get(0), batch.notificationIds().get(1), batch.notificationIds().get(0)),
            batch.notificationIds(), "the repeated item is a duplicate of the first");
        assertEquals(batch.notificationIds().subList(0, 2), batch.toApply());
        InboundNotification handedOver = intake.calls.get(1).get(0);
        assertEquals(ProcessingStatus.IGNORED, handedOver.status(), "stored ignored, not changed after storing");
        assertTrue(handedOver.statusReason().orElseThrow().startsWith("malformed: "), handedOver.statusReason().orElseThrow());
        assertEquals(Outcome.MALFORMED, unreadable.outcome());
        assertEquals(Outcome.UNAUTHENTICATED, unproven.outcome());
        assertEquals(ProcessingStatus.IGNORED, intake.byId(unproven.notificationIds().get(0)).orElseThrow().status());
        assertEquals(4, intake.all().size());
    }

    @Test
    void whenStoringFailsTheRequestFailsAndNothingOfItIsStored() {
        RecordingIntake intake = new RecordingIntake();
        ReceiveNotifications receiving = new ReceiveNotifications(new NotificationProviders(List.of(batches)), channels,
            intake, secrets, ids, clock);
        intake.failing = true;

        assertThrows(IllegalStateException.class, () -> receiving.receive(request("k1 order-1 500\nk2 order-2 700", "ok")));

        assertEquals(List.of(), intake.all());
        intake.failing = false;
        assertEquals(Outcome.ACCEPTED, receiving.receive(request("k1 order-1 500\nk2 order-2 700", "ok")).outcome(),
            "the provider's resend is stored");
    }

    @Test
    void anInMemoryBatchIsKeptWholeOrNotAtAll() {
        InboundNotification first = InboundNotification.register("n-1", ProviderId.ADYEN, new NotificationKey("a"), "m-1", "jp",
            new byte[] {1}, NotificationHeaders.none(), VerificationResult.verified(), T0);
        notifications.store(first);
        InboundNotification fresh = InboundNotification.register("n-2", ProviderId.ADYEN, new NotificationKey("b"), "m-1", "jp",
            new byte[] {1}, NotificationHeaders.none(), VerificationResult.verified(), T0);
        InboundNotification clash = InboundNotification.register("n-1", ProviderId.ADYEN, new NotificationKey("c"), "m-1", "jp",
            new byte[] {1}, NotificationHeaders.none(), VerificationResult.verified(), T0);

        assertThrows(IllegalStateException.class, () -> notifications.storeAll(List.of(fresh, clash)));

        assertEquals(List.of("n-1"), notifications.all().stream().map(InboundNotification::id).toList());
    }
}
