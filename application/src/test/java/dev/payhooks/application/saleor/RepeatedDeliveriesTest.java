package dev.payhooks.application.saleor;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.saleor.RepeatedDeliveries.Busy;
import dev.payhooks.application.saleor.RepeatedDeliveries.First;
import dev.payhooks.application.saleor.RepeatedDeliveries.Repeat;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.saleor.InMemoryWebhookReplies;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class RepeatedDeliveriesTest {

    /** Counts the units of work, as the JTA one would open transactions, and knows whether one is open. */
    static final class CountingUnits implements UnitOfWork {
        int opened;
        int open;

        @Override
        public <T> T inNewTransaction(Supplier<T> work) {
            opened++;
            open++;
            try {
                return work.get();
            } finally {
                open--;
            }
        }
    }

    /**
     * Records the claims it commits on its own, as the store does: those made outside any unit of
     * work (a claim made inside one would commit with that unit instead).
     */
    final class SelfCommittingReplies extends InMemoryWebhookReplies {
        int committedAlone;

        @Override
        public Claim claim(String scope, String key, Instant at) {
            if (units.open == 0) {
                committedAlone++;
            }
            return super.claim(scope, key, at);
        }
    }

    final CountingUnits units = new CountingUnits();
    final SelfCommittingReplies replies = new SelfCommittingReplies();
    final RepeatedDeliveries deliveries = new RepeatedDeliveries(replies, units,
        new SteppingClock(Instant.parse("2026-12-01T10:00:00Z")));

    @Test
    void aRepeatGetsTheFirstAnswer() {
        First first = assertInstanceOf(First.class, deliveries.claim("np https://shop/graphql/", "refund:t1:10"));
        first.completeAlone("{\"result\":\"REFUND_SUCCESS\"}");

        Repeat repeat = assertInstanceOf(Repeat.class, deliveries.claim("np https://shop/graphql/", "refund:t1:10"));

        assertEquals("{\"result\":\"REFUND_SUCCESS\"}", repeat.reply());
    }

    @Test
    void aRepeatWhileTheFirstIsHandledIsBusyAndAReleasedClaimIsHandledAnew() {
        First first = assertInstanceOf(First.class, deliveries.claim("scope", "k"));

        assertInstanceOf(Busy.class, deliveries.claim("scope", "k"));
        first.releaseAlone();
        assertInstanceOf(First.class, deliveries.claim("scope", "k"));
    }

    @Test
    void theClaimCommitsOnItsOwnAndLongKeysAreCutToWhatTheStoreKeeps() {
        String longKey = "x".repeat(300);
        First first = assertInstanceOf(First.class, deliveries.claim("scope", longKey));
        assertEquals(1, replies.committedAlone);  // the store commits the claim, no unit of work around it
        assertEquals(0, units.opened);
        first.complete("{}");  // in the caller's transaction: no unit of its own

        assertEquals(0, units.opened);
        assertInstanceOf(Repeat.class, deliveries.claim("scope", "x".repeat(255)));
        assertInstanceOf(Repeat.class, deliveries.claim("scope", "x".repeat(255) + "y"));
    }

    @Test
    void scopesAreKeptApart() {
        assertInstanceOf(First.class, deliveries.claim("np https://a/graphql/", "k"));
        assertInstanceOf(First.class, deliveries.claim("np https://b/graphql/", "k"));
    }
}
