package dev.payhooks.domain.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCatalogTest {

    /** The merchant types, in the order the publish API lists them. */
    static final List<String> MERCHANT_TYPES = List.of("cau.submitted", "cau.updated_expiration", "cau.updated_card",
        "cau.contact_customer", "cau.account_closed", "ach.submitted", "ach.settled", "ach.returned", "ach.failed",
        "ach.note_added", "product.inventory.ordered", "product.inventory.adjusted", "transaction.sale.success",
        "transaction.sale.failure", "transaction.sale.voided", "transaction.sale.captured", "transaction.sale.adjusted",
        "transaction.sale.queued", "transaction.sale.unvoided", "transaction.refund.success", "transaction.refund.voided",
        "settlement.batch.success", "settlement.batch.failure");

    @Test
    void holdsTheMerchantTypesFirstInTheirOrder() {
        List<String> merchantTypes = EventCatalog.all().stream()
            .filter(t -> t.origin() == EventType.Origin.MERCHANT).map(EventType::name).toList();

        assertEquals(MERCHANT_TYPES, merchantTypes);
        assertEquals(MERCHANT_TYPES, EventCatalog.all().subList(0, MERCHANT_TYPES.size()).stream().map(EventType::name).toList());
    }

    @Test
    void holdsTheHubsTypesForProviderOutcomes() {
        for (String type : List.of("transaction.authorization.success", "transaction.authorization.failure",
                "transaction.action_required", "transaction.authorization.retrying", "transaction.authorization.failed",
                "transaction.chargeback", "transaction.refund.failure", "fulfillment.reported", "fulfillment.report_failed")) {
            assertEquals(EventType.Origin.HUB, EventCatalog.byName(type).orElseThrow().origin(), type);
        }
    }

    @Test
    void namesAreUniqueDottedLowerCaseAndFitTheOutbox() {
        Set<String> seen = new HashSet<>();
        for (EventType type : EventCatalog.all()) {
            assertTrue(seen.add(type.name()), "duplicate " + type.name());
            assertTrue(type.name().matches("[a-z_]+(\\.[a-z_]+)+"), type.name());
            assertTrue(type.name().length() <= OutboundEvent.MAX_EVENT_TYPE_LENGTH, type.name());
            assertFalse(type.description().isBlank(), type.name());
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"transaction", "transaction.sale", "Transaction.Sale.Success", "transaction.sale.success ",
        "transaction.sale.*", "refund.success"})
    void anythingElseIsUnknown(String name) {
        assertFalse(EventCatalog.isKnown(name));
        assertTrue(EventCatalog.byName(name).isEmpty());
    }

    @Test
    void docsEventsMapsOnlyKnownTypesAndNamesEveryHubType() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "EVENTS.md"));
        Matcher backticked = Pattern.compile("`([a-z_]+(?:\\.[a-z_]+)+)`").matcher(doc);
        Set<String> named = new HashSet<>();
        while (backticked.find()) {
            named.add(backticked.group(1));
        }

        for (String type : named) {
            assertTrue(EventCatalog.isKnown(type), "docs/EVENTS.md names an unknown type: " + type);
        }
        for (EventType type : EventCatalog.all()) {
            if (type.origin() == EventType.Origin.HUB) {
                assertTrue(named.contains(type.name()), "docs/EVENTS.md does not mention " + type.name());
            }
        }
    }
}
