package dev.payhooks.application.audit;

import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.AuditTrail;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditQueriesTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    final AuditQueries queries = new AuditQueries(trail);

    void entry(String id, int minutes, String actor, String action, String subject, String detail) {
        trail.record(new AuditEntry(id, "m1", T0.plusSeconds(60L * minutes), actor, Actor.Source.CONSOLE, action, subject, detail));
    }

    @Test
    void filtersByActorActionSubjectAndTimeIgnoringCase() {
        entry("a1", 0, "alice", "webhook.created", "webhook Orders (s1)", "");
        entry("a2", 1, "bob", "webhook.deleted", "webhook Orders (s1)", "");
        entry("a3", 2, "Alice", "api-key.issued", "API key ERP", "");
        entry("a4", 3, "alice", "webhook.updated", "webhook Refunds (s2)", "");

        AuditTrail.Filter aliceWebhooks = new AuditTrail.Filter(Optional.of(" ALICE "), Optional.of("webhook"),
            Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(java.util.List.of("a4", "a1"), ids(queries.page("m1", aliceWebhooks, Optional.empty(), 10)));
        AuditTrail.Filter orders = new AuditTrail.Filter(Optional.empty(), Optional.empty(), Optional.of("orders"),
            Optional.of(T0.plusSeconds(60)), Optional.of(T0.plusSeconds(120)));
        assertEquals(java.util.List.of("a2"), ids(queries.page("m1", orders, Optional.empty(), 10)));
        assertEquals(java.util.List.of(), ids(queries.page("m2", AuditTrail.Filter.none(), Optional.empty(), 10)));
    }

    @Test
    void csvQuotesWhatNeedsItAndNeutralisesFormulas() {
        entry("a1", 0, "alice", "webhook.created", "webhook =HYPERLINK(\"http://x\") (s1)", "url a, b; \"quoted\"\nnext");
        entry("a2", 1, "bob", "api-key.issued", "API key +ERP", "-1");

        String csv = queries.csv("m1", AuditTrail.Filter.none());

        assertEquals("time,actor,via,action,subject,detail\r\n"
            + "2026-12-06T10:01:00Z,bob,CONSOLE,api-key.issued,API key +ERP,'-1\r\n"
            + "2026-12-06T10:00:00Z,alice,CONSOLE,webhook.created,\"webhook =HYPERLINK(\"\"http://x\"\") (s1)\","
            + "\"url a, b; \"\"quoted\"\"\nnext\"\r\n", csv);
        assertEquals("'=1+1", AuditQueries.cell("=1+1"));
        assertEquals("'@SUM(A1)", AuditQueries.cell("@SUM(A1)"));
        assertEquals("plain", AuditQueries.cell("plain"));
    }

    @Test
    void csvPagesThroughEveryMatchingEntry() {
        for (int i = 0; i < 1_203; i++) {
            entry(String.format("e%05d", i), i, "alice", "webhook.updated", "webhook Orders (s1)", "");
        }

        String csv = queries.csv("m1", AuditTrail.Filter.none());

        assertEquals(1_204, csv.split("\r\n").length, "header and every entry, across pages");
    }

    static java.util.List<String> ids(AuditTrail.Page page) {
        return page.entries().stream().map(AuditEntry::id).toList();
    }
}
