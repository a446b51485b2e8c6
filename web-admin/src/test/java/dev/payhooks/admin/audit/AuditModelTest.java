package dev.payhooks.admin.audit;

import dev.payhooks.admin.ConsoleFixture;
import dev.payhooks.application.audit.AuditQueries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail view's pages: newest first, by key, the console's merchant only. */
class AuditModelTest {

    final ConsoleFixture console = new ConsoleFixture(Instant.parse("2026-11-23T10:00:00Z"));
    final AuditModel model = new AuditModel();

    AuditModelTest() {
        console.signIn("dev", "VIEWER");
        console.withSignedIn(model);
        model.audit = new AuditQueries(console.audit);
    }

    @Test
    void theAuditTrailPagesNewestFirst() {
        console.recorder.record("m-1", "channel.opened", "channel jp", "");
        console.recorder.record("m-2", "channel.opened", "channel of someone else", "");
        for (int i = 0; i < 4; i++) {
            console.clock.advance(Duration.ofSeconds(1));
            console.recorder.record("m-1", "api-key.issued", "API key key " + i, "");
        }
        AuditPage first = model.auditEntries(Optional.empty(), 3);
        AuditPage rest = model.auditEntries(first.next(), 3);
        assertEquals(List.of("api-key.issued", "api-key.issued", "api-key.issued"),
            first.rows().stream().map(AuditRow::action).toList());
        assertTrue(first.rows().get(0).subject().startsWith("API key key 3"));
        assertEquals(List.of("api-key.issued", "channel.opened"), rest.rows().stream().map(AuditRow::action).toList());
        assertEquals("channel jp", rest.rows().get(1).subject());
        assertTrue(rest.next().isEmpty());
        assertEquals("dev", first.rows().get(0).actor());
    }
}
