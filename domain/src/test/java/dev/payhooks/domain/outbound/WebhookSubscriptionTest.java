package dev.payhooks.domain.outbound;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.port.SealedSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSubscriptionTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456789Z");
    static final Instant T1 = Instant.parse("2026-11-23T11:00:00Z");
    static final HookUrl URL = HookUrl.parse("https://shop.example/hooks", true);

    static WebhookSubscription subscription(List<String> events) {
        return WebhookSubscription.create("s1", "m1", " Orders ", URL, events, new Authentication.None(),
            new Signature.MerchantKey(), DeliveryOptions.DEFAULT, T0);
    }

    @Test
    void aNewSubscriptionIsEnabledWithItsEventsSortedAndDeduplicated() {
        WebhookSubscription s = subscription(List.of("transaction.sale.success", "transaction.chargeback",
            "transaction.sale.success"));

        assertEquals("Orders", s.label());
        assertEquals(List.of("transaction.chargeback", "transaction.sale.success"), List.copyOf(s.events()));
        assertTrue(s.enabled());
        assertTrue(s.disabledReason().isEmpty());
        assertEquals(15, s.delivery().timeoutSeconds());
        assertTrue(s.delivery().rateLimit().isEmpty());
        assertFalse(s.delivery().fifo());
        assertEquals(Instant.parse("2026-11-23T10:00:00.123456Z"), s.createdAt(), "kept to the microsecond");
        assertEquals(0, s.version());
        assertThrows(UnsupportedOperationException.class, () -> s.events().add("ach.failed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void labelIsRequired(String label) {
        assertEquals("label", assertThrows(InvalidField.class, () -> WebhookSubscription.create("s1", "m1", label, URL,
            List.of("ach.failed"), new Authentication.None(), new Signature.None(), DeliveryOptions.DEFAULT, T0)).field());
    }

    @Test
    void labelIsAtMost100Characters() {
        WebhookSubscription s = subscription(List.of("ach.failed"));
        s.relabel("x".repeat(100), T1);
        assertEquals(100, s.label().length());

        InvalidField e = assertThrows(InvalidField.class, () -> s.relabel("x".repeat(101), T1));
        assertEquals("label: must be 1-100 characters", e.getMessage());
        assertEquals(100, s.label().length(), "unchanged");
    }

    @Test
    void eventsMustBeKnownAndAtLeastOne() {
        assertEquals("events: must name at least one event type",
            assertThrows(InvalidField.class, () -> subscription(List.of())).getMessage());
        assertEquals("events", assertThrows(InvalidField.class, () -> subscription(null)).field());
        assertEquals("events: unknown event type 'transaction.sale.sucess'",
            assertThrows(InvalidField.class, () -> subscription(List.of("ach.failed", "transaction.sale.sucess"))).getMessage());
        List<String> withNull = new java.util.ArrayList<>(List.of("ach.failed"));
        withNull.add(null);
        assertEquals("events: unknown event type null", assertThrows(InvalidField.class, () -> subscription(withNull)).getMessage());
    }

    @Test
    void subscribeReplacesTheEvents() {
        WebhookSubscription s = subscription(List.of("ach.failed", "ach.settled"));

        s.subscribe(List.of("fulfillment.reported"), T1);

        assertEquals(List.of("fulfillment.reported"), List.copyOf(s.events()));
        assertEquals(T1, s.updatedAt());
        assertThrows(InvalidField.class, () -> s.subscribe(List.of("nope"), T1));
        assertEquals(List.of("fulfillment.reported"), List.copyOf(s.events()));
    }

    @Test
    void authenticationChangesOnlyThroughAReset() {
        WebhookSubscription s = subscription(List.of("ach.failed"));
        Authentication basic = new Authentication.Basic("hub", new SealedSecret("sealed-pw"));

        s.resetAuthentication(basic, T1);

        assertEquals(basic, s.authentication());
        assertEquals(T1, s.updatedAt());
    }

    @Test
    void basicUsernamesAreChecked() {
        SealedSecret pw = new SealedSecret("sealed");
        for (String bad : new String[] {null, "", "a:b", "x".repeat(101), " padded", "tab\tname"}) {
            InvalidField e = assertThrows(InvalidField.class, () -> new Authentication.Basic(bad, pw), String.valueOf(bad));
            assertEquals("authentication.username", e.field());
        }
        assertEquals("x".repeat(100), new Authentication.Basic("x".repeat(100), pw).username());
    }

    @Test
    void basicPasswordsAreCheckedBeforeSealing() {
        for (String bad : new String[] {null, "", "x".repeat(201), "line\nbreak"}) {
            assertEquals("authentication.password",
                assertThrows(InvalidField.class, () -> Authentication.validPassword(bad)).field());
        }
        assertEquals("p:ss w0rd ", Authentication.validPassword("p:ss w0rd "), "colons and spaces are fine in a password");
    }

    @Test
    void sourceKeysNameAnApiKey() {
        for (String bad : new String[] {null, "", "  ", "k".repeat(37)}) {
            assertEquals("signature.apiKeyId", assertThrows(InvalidField.class, () -> new Signature.SourceKey(bad)).field());
        }
        assertEquals("source_key", new Signature.SourceKey("k1").type());
        assertEquals("signature_key", new Signature.MerchantKey().type());
        assertEquals("none", new Signature.None().type());
    }

    @Test
    void changeSignatureAndRetarget() {
        WebhookSubscription s = subscription(List.of("ach.failed"));

        s.changeSignature(new Signature.SourceKey("k1"), T1);
        s.retarget(HookUrl.parse("https://other.example/h", true), T1);

        assertEquals(new Signature.SourceKey("k1"), s.signature());
        assertEquals("https://other.example/h", s.url().toString());
    }

    @Test
    void deliveryOptionsAreBounded() {
        assertEquals("timeoutSeconds: must be 1-60 seconds", assertThrows(InvalidField.class, () -> DeliveryOptions.of(0, null, null)).getMessage());
        assertEquals("timeoutSeconds", assertThrows(InvalidField.class, () -> DeliveryOptions.of(61, null, null)).field());
        assertEquals("rateLimitPerSecond", assertThrows(InvalidField.class, () -> DeliveryOptions.of(null, null, 0)).field());
        assertEquals("rateLimitPerSecond", assertThrows(InvalidField.class, () -> DeliveryOptions.of(null, null, 1001)).field());

        DeliveryOptions edge = DeliveryOptions.of(60, true, 1000);
        assertEquals(60, edge.timeout().toSeconds());
        assertTrue(edge.fifo());
        assertEquals(1000, edge.rateLimit().orElseThrow());
        assertEquals(1, DeliveryOptions.of(1, false, 1).timeoutSeconds());

        WebhookSubscription s = subscription(List.of("ach.failed"));
        s.tuneDelivery(edge, T1);
        assertEquals(edge, s.delivery());
    }

    @Test
    void disablingRecordsWhyAndWhenAndKeepsTheFirstReason() {
        WebhookSubscription s = subscription(List.of("ach.failed"));

        s.disable("410 Gone from the endpoint", T1);
        s.disable("an admin agreed", T1.plusSeconds(60));

        assertFalse(s.enabled());
        assertEquals("410 Gone from the endpoint", s.disabledReason().orElseThrow());
        assertEquals(T1, s.disabledAt().orElseThrow());
        assertFalse(s.listensTo("ach.failed"), "a disabled subscription receives nothing");

        s.enable(T1.plusSeconds(120));
        assertTrue(s.enabled());
        assertTrue(s.disabledReason().isEmpty());
        assertTrue(s.disabledAt().isEmpty());
        assertTrue(s.listensTo("ach.failed"));
        assertFalse(s.listensTo("ach.settled"));
    }

    @Test
    void aDisableReasonIsRequired() {
        WebhookSubscription s = subscription(List.of("ach.failed"));
        assertEquals("disabledReason", assertThrows(InvalidField.class, () -> s.disable(" ", T1)).field());
        assertEquals("disabledReason", assertThrows(InvalidField.class, () -> s.disable("x".repeat(501), T1)).field());
        assertTrue(s.enabled());
    }

    @Test
    void reconstitutionRefusesAnInconsistentDisabledState() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSubscription.reconstitute("s1", "m1", "L", URL,
            List.of("ach.failed"), new Authentication.None(), new Signature.None(), DeliveryOptions.DEFAULT,
            false, null, T1, T0, T0, 3));
        assertThrows(IllegalArgumentException.class, () -> WebhookSubscription.reconstitute("s1", "m1", "L", URL,
            List.of("ach.failed"), new Authentication.None(), new Signature.None(), DeliveryOptions.DEFAULT,
            true, "why", T1, T0, T0, 3));
    }

    @Test
    void toStringShowsNeitherUrlNorCredentials() {
        WebhookSubscription s = WebhookSubscription.create("s1", "m1", "Orders",
            HookUrl.parse("https://shop.example/hook?token=receiver-secret", true), List.of("ach.failed"),
            new Authentication.Basic("hub", new SealedSecret("sealed-password")), new Signature.None(), DeliveryOptions.DEFAULT, T0);

        assertFalse(s.toString().contains("receiver-secret"));
        assertFalse(s.authentication().toString().contains("sealed-password"));
    }
}
