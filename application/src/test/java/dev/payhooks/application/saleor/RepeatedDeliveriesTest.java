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

    /** Counts the units of work, as the JTA one would open transactions. */
    static final class CountingUnits implements UnitOfWork {
        int opened;

        @Override
        public <T> T inNewTransaction(Supplier<T> work) {
            opened++;
            return work.get();
        }
    }

    final InMemoryWebhookReplies replies = new InMemoryWebhookReplies();
    final CountingUnits units = new CountingUnits();
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
        assertEquals(1, units.opened);
        first.complete("{}");  // in the caller's transaction: no unit of its own

        assertEquals(1, units.opened);
        assertInstanceOf(Repeat.class, deliveries.claim("scope", "x".repeat(255)));
        assertInstanceOf(Repeat.class, deliveries.claim("scope", "x".repeat(255) + "y"));
    }

    @Test
    void scopesAreKeptApart() {
        assertInstanceOf(First.class, deliveries.claim("np https://a/graphql/", "k"));
        assertInstanceOf(First.class, deliveries.claim("np https://b/graphql/", "k"));
    }
}
