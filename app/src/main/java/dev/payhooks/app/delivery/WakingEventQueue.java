package dev.payhooks.app.delivery;

import dev.payhooks.application.cache.RecentReads;
import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.EventQueue;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.Outbox;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.outbound.WebhookSubscriptions;
import dev.payhooks.domain.port.IdGenerator;

import java.util.List;

/**
 * The {@link EventQueue} of this instance: when the transaction that scheduled deliveries ends,
 * it wakes this instance's delivery claimer ({@link ClaimWakeup}), so a published event's first
 * attempt starts moments after the commit instead of at the next poll. A transaction that
 * schedules many deliveries wakes it once.
 */
public class WakingEventQueue extends EventQueue {

    private final RecentReads.AfterTransaction afterTransaction;
    private final ClaimWakeup wakeup;
    /** This queue's mark on a transaction that has its wake-up registered. */
    private final Object wakeAfterCommit = new Object();

    public WakingEventQueue(Outbox outbox, WebhookSubscriptions subscriptions, Deliveries deliveries, IdGenerator ids,
                            RecentReads.AfterTransaction afterTransaction, ClaimWakeup wakeup) {
        super(outbox, subscriptions, deliveries, ids);
        this.afterTransaction = afterTransaction;
        this.wakeup = wakeup;
    }

    @Override
    public Delivery enqueueFor(OutboundEvent event, WebhookSubscription subscription) {
        Delivery scheduled = super.enqueueFor(event, subscription);
        afterTransaction.runOnce(wakeAfterCommit, wakeup::wake);
        return scheduled;
    }

    @Override
    public List<Delivery> enqueue(OutboundEvent event) {
        List<Delivery> scheduled = super.enqueue(event);
        if (!scheduled.isEmpty()) {
            afterTransaction.runOnce(wakeAfterCommit, wakeup::wake);
        }
        return scheduled;
    }
}
