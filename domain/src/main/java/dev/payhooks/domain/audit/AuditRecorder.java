package dev.payhooks.domain.audit;

import dev.payhooks.domain.port.IdGenerator;

import java.time.Clock;

/**
 * The one way a configuration change is written to the audit trail: by the use case that made it
 * (ManageSubscriptions, ManageChannels, ManageApiKeys, ManageSignatureKeys), whoever called it,
 * console or management API. The entry joins the caller's transaction, so it commits with the
 * change or not at all; a refused change records nothing, as the use case throws before it
 * records.
 */
public class AuditRecorder {

    private final AuditTrail trail;
    private final CurrentActor actor;
    private final IdGenerator ids;
    private final Clock clock;

    public AuditRecorder(AuditTrail trail, CurrentActor actor, IdGenerator ids, Clock clock) {
        this.trail = trail;
        this.actor = actor;
        this.ids = ids;
        this.clock = clock;
    }

    /** {@code detail} names fields and values that are not secret; never a secret's value. */
    public void record(String merchantId, String action, String subject, String detail) {
        Actor who = actor.current();
        trail.record(new AuditEntry(ids.newId(), merchantId, clock.instant(), who.name(), who.source(), action, subject, detail));
    }
}
