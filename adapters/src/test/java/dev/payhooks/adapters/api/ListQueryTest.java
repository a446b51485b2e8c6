package dev.payhooks.adapters.api;

import dev.payhooks.domain.error.InvalidField;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ListQueryTest {

    @Test
    void cursorsRoundTripToTheNanosecond() {
        Instant at = Instant.parse("2026-11-23T12:00:00.123456789Z");

        assertEquals(new ListQuery.Position(at, "tx-1|odd"), ListQuery.position(ListQuery.cursor(at, "tx-1|odd")));
    }

    @Test
    void foreignCursorsAreInvalid() {
        for (String bad : new String[] {"", "not-base64!", "bm8tYmFy", ListQuery.cursor(Instant.EPOCH, "x").substring(3)}) {
            assertEquals("cursor", assertThrows(InvalidField.class, () -> ListQuery.position(bad)).field(), bad);
        }
    }

    @Test
    void limitsAndInstants() {
        assertEquals(ListQuery.DEFAULT_LIMIT, ListQuery.limit(null));
        assertEquals(200, ListQuery.limit("200"));
        for (String bad : new String[] {"0", "201", "-1", "x", "1.5"}) {
            assertThrows(InvalidField.class, () -> ListQuery.limit(bad), bad);
        }
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), ListQuery.instant("from", "2026-11-23T10:00:00Z"));
        assertEquals("to", assertThrows(InvalidField.class, () -> ListQuery.instant("to", "yesterday")).field());
    }
}
