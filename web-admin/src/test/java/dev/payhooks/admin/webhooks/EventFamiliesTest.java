package dev.payhooks.admin.webhooks;

import dev.payhooks.domain.outbound.EventCatalog;
import dev.payhooks.domain.outbound.EventType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFamiliesTest {

    @Test
    void everyCatalogTypeHasANamedFamilyAndRefundsAreTheirOwn() {
        List<String> all = EventCatalog.all().stream().map(EventType::name).toList();

        Map<String, List<String>> families = EventFamilies.group(all);

        assertFalse(families.containsKey("Other"), families.toString());
        assertEquals(all.size(), families.values().stream().mapToInt(List::size).sum());
        assertTrue(families.get("Refunds").contains("transaction.refund.success"));
        assertFalse(families.get("Transactions").contains("transaction.refund.success"));
        assertTrue(families.get("Transactions").contains("transaction.sale.success"));
        assertTrue(families.get("Subscriptions").contains("subscription.cancelled"));
        assertTrue(families.get("Fulfillment").contains("fulfillment.reported"));
    }
}
