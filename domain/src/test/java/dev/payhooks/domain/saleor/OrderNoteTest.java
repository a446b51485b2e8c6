package dev.payhooks.domain.saleor;

import dev.payhooks.domain.payment.ProviderId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OrderNoteTest {

    static final Instant T0 = Instant.parse("2026-11-21T07:00:00Z");

    @Test
    void aNoteSaleorDoesNotTakeIsTriedThreeTimesThenGivenUp() {
        OrderNote note = OrderNote.toSend("n", "https://s/graphql/", ProviderId.NP_ATOBARAI, "o", "text", T0);
        note.notTaken("timeout", T0);
        note.notTaken("timeout", T0);
        assertEquals(OrderNote.Status.PENDING, note.status());
        note.notTaken("timeout again", T0);
        assertEquals(OrderNote.Status.FAILED, note.status());
        assertEquals("timeout again", note.warning());
    }

    @Test
    void sentClearsTheWarning() {
        OrderNote note = OrderNote.toSend("n", "https://s/graphql/", ProviderId.NP_ATOBARAI, "o", "x".repeat(2000), T0);
        assertEquals(1000, note.message().length());
        note.notTaken("timeout", T0);
        note.sent(T0);
        assertEquals(OrderNote.Status.SENT, note.status());
        assertNull(note.warning());
        assertEquals(2, note.attempts());
    }
}
