package dev.payhooks.domain.inbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class NotificationHeadersTest {

    @Test
    void namesAreKeptInLowerCaseAndFoundByAnySpelling() {
        NotificationHeaders headers = NotificationHeaders.of(Map.of("Walley-CorrelationId", "c-1", "Content-Type", "application/json"));
        assertEquals(Map.of("walley-correlationid", "c-1", "content-type", "application/json"), headers.asMap());
        assertEquals(Optional.of("c-1"), headers.value("WALLEY-CORRELATIONID"));
        assertEquals(Optional.empty(), headers.value("walley-timestamp"));
        assertEquals(List.of("content-type", "walley-correlationid"), List.copyOf(headers.asMap().keySet()));
    }

    @Test
    void namesDifferingOnlyInCaseAreRefused() {
        Map<String, String> twice = new LinkedHashMap<>();
        twice.put("X-Request-Id", "a");
        twice.put("x-request-id", "b");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NotificationHeaders.of(twice));
        assertTrue(e.getMessage().contains("x-request-id"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "colon:", "ümlaut",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void invalidNamesAreRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> NotificationHeaders.of(Map.of(name, "v")));
    }

    @Test
    void missingValuesAreRefused() {
        Map<String, String> noValue = new LinkedHashMap<>();
        noValue.put("x-a", null);
        assertThrows(IllegalArgumentException.class, () -> NotificationHeaders.of(noValue));
        assertThrows(IllegalArgumentException.class, () -> NotificationHeaders.of(null));
    }

    @Test
    void theMaskedViewHidesCredentialsAndProofsOnly() {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("Authorization", "Basic dXNlcjpwYXNz");
        sent.put("Proxy-Authorization", "Basic eA==");
        sent.put("Walley-Signature", "abc123");
        sent.put("X-Adyen-HMAC", "ipnx");
        sent.put("X-Webhook-Secret", "s3cr3t");
        sent.put("X-Access-Token", "t0k3n");
        sent.put("Cookie", "session=1");
        sent.put("Walley-CorrelationId", "c-1");
        sent.put("Walley-Timestamp", "1700000000");
        sent.put("Content-Type", "application/json");

        Map<String, String> masked = NotificationHeaders.of(sent).masked();

        for (String secret : List.of("authorization", "proxy-authorization", "walley-signature", "x-adyen-hmac",
            "x-webhook-secret", "x-access-token", "cookie")) {
            assertEquals(NotificationHeaders.MASK, masked.get(secret), secret);
        }
        assertEquals("c-1", masked.get("walley-correlationid"));
        assertEquals("1700000000", masked.get("walley-timestamp"));
        assertEquals("application/json", masked.get("content-type"));
        assertEquals(sent.size(), masked.size());
    }

    @Test
    void toStringShowsTheMaskedView() {
        String text = NotificationHeaders.of(Map.of("Authorization", "Basic dXNlcjpwYXNz", "X-Id", "7")).toString();
        assertFalse(text.contains("dXNlcjpwYXNz"), text);
        assertTrue(text.contains("x-id=7"), text);
    }

    @Test
    void theViewsCannotBeChanged() {
        NotificationHeaders headers = NotificationHeaders.of(Map.of("x-a", "1"));
        assertThrows(UnsupportedOperationException.class, () -> headers.asMap().put("x-b", "2"));
        assertThrows(UnsupportedOperationException.class, () -> headers.masked().put("x-b", "2"));
    }

    @Test
    void headersWithTheSameNamesAndValuesAreEqual() {
        assertEquals(NotificationHeaders.of(Map.of("X-A", "1")), NotificationHeaders.of(Map.of("x-a", "1")));
        assertNotEquals(NotificationHeaders.of(Map.of("x-a", "1")), NotificationHeaders.of(Map.of("x-a", "2")));
        assertTrue(NotificationHeaders.none().isEmpty());
    }
}
