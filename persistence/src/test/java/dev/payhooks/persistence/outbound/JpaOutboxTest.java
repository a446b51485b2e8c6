package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.OutboxPosition;
import dev.payhooks.persistence.TestDatabase;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class JpaOutboxTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private static final String PAYLOAD = "{\"type\":\"event\",\"event_triggered\":\"2026-11-23 10:15:30\","
        + "\"event_type\":\"transaction.sale.success\",\"event_body\":{\"merchant\":{\"merch_key\":\"7qwnw4j2kmqvrb3\"},"
        + "\"object\":{\"type\":\"transaction\",\"key\":\"1nftvzx7xtcggm3\",\"amount_detail\":{\"amount\":\"5.00\"},"
        + "\"note\":\"Zürich – 東京 \\\"quoted\\\"\"}}}";

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    /** Ids spelled by one repeated hex digit: known, and ordered as the digits are. */
    private static EventId id(char hexDigit) {
        return new EventId(String.valueOf(hexDigit).repeat(64));
    }

    private static OutboundEvent event(char hexDigit, String merchantId, Instant createdAt, String idempotencyKey) {
        return OutboundEvent.create(id(hexDigit), merchantId, "transaction.sale.success", PAYLOAD, createdAt, idempotencyKey, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void appendsAndFindsAnEventExactly(String kind) {
        String largePayload = "{\"blob\":\"" + "x".repeat(300_000) + "\"}";
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> {
                JpaOutbox outbox = new JpaOutbox(em);
                outbox.append(OutboundEvent.create(id('a'), "merchant-1", "transaction.sale.success", PAYLOAD, T0,
                    "idem-1", "transaction:t-1"));
                outbox.append(OutboundEvent.create(id('b'), "merchant-1", "product.inventory.adjusted", largePayload, T0,
                    null, null));
            });

            OutboundEvent found = db.query(em -> new JpaOutbox(em).byId(id('a'))).orElseThrow();
            assertEquals("merchant-1", found.merchantId());
            assertEquals("transaction.sale.success", found.eventType());
            assertEquals(PAYLOAD, found.payloadJson());
            assertEquals(Instant.parse("2026-11-23T10:15:30.123456Z"), found.createdAt());
            assertEquals(Optional.of("idem-1"), found.idempotencyKey());
            assertEquals(Optional.of("transaction:t-1"), found.source());

            OutboundEvent large = db.query(em -> new JpaOutbox(em).byId(id('b'))).orElseThrow();
            assertEquals(largePayload, large.payloadJson());
            assertEquals(Optional.empty(), large.idempotencyKey());
            assertEquals(Optional.empty(), large.source());
            assertEquals(Optional.empty(), db.query(em -> new JpaOutbox(em).byId(id('c'))));

            java.util.Map<EventId, OutboundEvent> both = db.query(em -> new JpaOutbox(em).byIds(List.of(id('a'), id('b'), id('c'), id('a'))));
            assertEquals(java.util.Set.of(id('a'), id('b')), both.keySet(), "the unknown one is left out");
            assertEquals(PAYLOAD, both.get(id('a')).payloadJson());
            assertEquals(largePayload, both.get(id('b')).payloadJson());
            assertEquals(java.util.Map.of(), db.query(em -> new JpaOutbox(em).byIds(List.of())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void idempotencyKeysAreFoundPerMerchant(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> {
                JpaOutbox outbox = new JpaOutbox(em);
                outbox.append(event('a', "merchant-1", T0, "order-42"));
                outbox.append(event('b', "merchant-2", T0, "order-42"));
            });

            assertEquals(Optional.of(id('a')), db.query(em -> new JpaOutbox(em).byIdempotencyKey("merchant-1", "order-42"))
                .map(OutboundEvent::id));
            assertEquals(Optional.of(id('b')), db.query(em -> new JpaOutbox(em).byIdempotencyKey("merchant-2", "order-42"))
                .map(OutboundEvent::id));
            assertEquals(Optional.empty(), db.query(em -> new JpaOutbox(em).byIdempotencyKey("merchant-3", "order-42")));
            assertEquals(Optional.empty(), db.query(em -> new JpaOutbox(em).byIdempotencyKey("merchant-1", "order-43")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anIdempotencyKeyIsUsedOncePerMerchantAndMayBeAbsentOften(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> {
                JpaOutbox outbox = new JpaOutbox(em);
                outbox.append(event('a', "merchant-1", T0, "order-42"));
                outbox.append(event('b', "merchant-1", T0, null));
                outbox.append(event('c', "merchant-1", T0, null));
            });

            assertThrows(PersistenceException.class, () -> db.run(em ->
                new JpaOutbox(em).append(event('d', "merchant-1", T0.plusSeconds(1), "order-42"))));
            assertEquals(Optional.empty(), db.query(em -> new JpaOutbox(em).byId(id('d'))));
            assertEquals(3, db.query(em -> new JpaOutbox(em).after(OutboxPosition.START, 10)).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aReusedKeyFailsTheAppendWithTheConstraintsStateAndNothingOfItsTransactionCommits(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> new JpaOutbox(em).append(event('a', "merchant-1", T0, "order-42")));

            db.run(em -> {
                JpaOutbox outbox = new JpaOutbox(em);
                outbox.append(event('b', "merchant-1", T0, null));
                PersistenceException reused = assertThrows(PersistenceException.class,
                    () -> outbox.append(event('c', "merchant-1", T0, "order-42")));
                assertEquals("23505", sqlState(reused));
                assertTrue(em.getTransaction().getRollbackOnly(), "nothing of it may commit");
            });
            assertEquals(List.of(id('a')), db.query(em -> new JpaOutbox(em).after(OutboxPosition.START, 10))
                .stream().map(OutboundEvent::id).toList(), "the event appended before the failure is gone with it");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAppendedEventIsReadLaterInTheSameTransaction(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> {
                JpaOutbox outbox = new JpaOutbox(em);
                outbox.append(event('a', "merchant-1", T0, "order-42"));
                assertEquals(Optional.of(id('a')), outbox.byIdempotencyKey("merchant-1", "order-42").map(OutboundEvent::id));
                assertEquals(PAYLOAD, outbox.byId(id('a')).orElseThrow().payloadJson());
                assertEquals(List.of(id('a')), outbox.after(OutboxPosition.START, 10).stream().map(OutboundEvent::id).toList());
            });
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eventsAreReadOldestFirstPageByPage(String kind) {
        Instant t1 = T0.plusNanos(1_000); // the next microsecond
        Instant t2 = T0.plusSeconds(1);
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1", "merchant-2", "merchant-3")) {
            db.run(em -> {
                JpaOutbox outbox = new JpaOutbox(em);
                // appended out of order; two pairs share a creation time and are ordered by id
                outbox.append(event('e', "merchant-1", t2, null));
                outbox.append(event('c', "merchant-2", t1, null));
                outbox.append(event('b', "merchant-1", T0, null));
                outbox.append(event('a', "merchant-1", T0, null));
                outbox.append(event('d', "merchant-1", t2, null));
            });

            List<EventId> all = db.query(em -> new JpaOutbox(em).after(OutboxPosition.START, 10)).stream()
                .map(OutboundEvent::id).toList();
            assertEquals(List.of(id('a'), id('b'), id('c'), id('d'), id('e')), all);

            List<EventId> paged = new ArrayList<>();
            OutboxPosition position = OutboxPosition.START;
            while (true) {
                OutboxPosition from = position;
                List<OutboundEvent> page = db.query(em -> new JpaOutbox(em).after(from, 2));
                if (page.isEmpty()) {
                    break;
                }
                assertTrue(page.size() <= 2);
                page.forEach(e -> paged.add(e.id()));
                position = page.get(page.size() - 1).position();
            }
            assertEquals(all, paged);

            OutboundEvent b = db.query(em -> new JpaOutbox(em).byId(id('b'))).orElseThrow();
            assertEquals(List.of(id('c'), id('d')),
                db.query(em -> new JpaOutbox(em).after(b.position(), 2)).stream().map(OutboundEvent::id).toList());
        }
    }
}
