package dev.payhooks.persistence.audit;

import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.AuditTrail;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.persistence.TestDatabase;
import dev.payhooks.persistence.merchant.JpaMerchants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JpaAuditTrailTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:30.123456Z");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pagesNewestFirstWithinTheMerchantAndKeepsEveryField(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.run(em -> {
                new JpaMerchants(em).add(Merchant.register("m-1", "One", "7qwnw4j2kmqvrb3", AT));
                new JpaMerchants(em).add(Merchant.register("m-2", "Two", "8qwnw4j2kmqvrb3", AT));
            });
            db.run(em -> {
                JpaAuditTrail trail = new JpaAuditTrail(em);
                for (int i = 0; i < 5; i++) {
                    trail.record(new AuditEntry("a-" + i, "m-1", AT.plusSeconds(i / 2), "alice", Actor.Source.CONSOLE, "webhook.created",
                        "webhook Orders " + i, "fields: label, url"));
                }
                trail.record(new AuditEntry("b-0", "m-2", AT, "bob", Actor.Source.API, "webhook.created", "elsewhere", ""));
            });

            List<String> seen = new ArrayList<>();
            Optional<AuditTrail.Cursor> after = Optional.empty();
            do {
                Optional<AuditTrail.Cursor> from = after;
                AuditTrail.Page page = db.query(em -> new JpaAuditTrail(em).newest("m-1", from, 2));
                page.entries().forEach(e -> seen.add(e.id()));
                after = page.next();
            } while (after.isPresent());
            assertEquals(List.of("a-4", "a-3", "a-2", "a-1", "a-0"), seen);

            AuditEntry first = db.query(em -> new JpaAuditTrail(em).newest("m-2", Optional.empty(), 10)).entries().get(0);
            assertEquals(new AuditEntry("b-0", "m-2", AT, "bob", Actor.Source.API, "webhook.created", "elsewhere", ""), first);

            // filters: parts of who, change and subject in any case (like-wildcards taken literally), and a time range
            AuditTrail.Filter part = new AuditTrail.Filter(Optional.of("ALI"), Optional.of("Webhook.Cre"), Optional.of("orders 3"),
                Optional.empty(), Optional.empty());
            assertEquals(List.of("a-3"), db.query(em -> new JpaAuditTrail(em).newest("m-1", part, Optional.empty(), 10))
                .entries().stream().map(AuditEntry::id).toList());
            AuditTrail.Filter wildcard = new AuditTrail.Filter(Optional.of("%"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
            assertEquals(List.of(), db.query(em -> new JpaAuditTrail(em).newest("m-1", wildcard, Optional.empty(), 10)).entries());
            AuditTrail.Filter range = new AuditTrail.Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(AT.plusSeconds(1)), Optional.of(AT.plusSeconds(2)));
            assertEquals(List.of("a-3", "a-2"), db.query(em -> new JpaAuditTrail(em).newest("m-1", range, Optional.empty(), 10))
                .entries().stream().map(AuditEntry::id).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEntryRollsBackWithItsTransaction(String kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.run(em -> new JpaMerchants(em).add(Merchant.register("m-1", "One", "7qwnw4j2kmqvrb3", AT)));
            assertThrows(IllegalStateException.class, () -> db.run(em -> {
                new JpaAuditTrail(em).record(new AuditEntry("a-1", "m-1", AT, "alice", Actor.Source.SYSTEM, "channel.opened", "jp", ""));
                throw new IllegalStateException("the change itself failed");
            }));
            assertEquals(0, db.query(em -> new JpaAuditTrail(em).newest("m-1", Optional.empty(), 10)).entries().size());
        }
    }
}
