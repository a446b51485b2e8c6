package dev.payhooks.domain.audit;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.error.InvalidValue;

import java.time.Instant;

/**
 * One change to a merchant's configuration, for the audit trail: who made it (and through what:
 * console, management API, Payhooks itself), when, what kind of
 * change ({@code action}, e.g. "channel.provider.configured"), to what ({@code subject}, e.g.
 * "channel jp / np-atobarai") and which parts ({@code detail}, e.g. "changed: terminalId,
 * secretSpCode"). A detail names fields, never a secret's value: the callers build it from field
 * names only.
 */
public record AuditEntry(String id, String merchantId, Instant at, String actor, Actor.Source source, String action,
                         String subject, String detail) {

    public static final int MAX_ACTOR = 100;
    public static final int MAX_ACTION = 64;
    public static final int MAX_SUBJECT = 300;
    public static final int MAX_DETAIL = 1000;

    public AuditEntry {
        Required.nonNull("id, merchantId, at, source", id, merchantId, at, source);
        actor = bounded("actor", actor, MAX_ACTOR);
        action = bounded("action", action, MAX_ACTION);
        subject = bounded("subject", subject, MAX_SUBJECT);
        detail = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 1) + "…" : detail;
        if (actor.isBlank() || action.isBlank()) {
            throw new InvalidValue("an audit entry needs an actor and an action");
        }
    }

    private static String bounded(String name, String value, int max) {
        String text = value == null ? "" : value;
        if (text.length() > max) {
            throw new InvalidValue("audit " + name + " is longer than " + max + " characters");
        }
        return text;
    }
}
