package dev.payhooks.adapters.notifications;

import dev.payhooks.adapters.notifications.NotificationEndpoint.Answer;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.payment.ProviderId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.payhooks.adapters.notifications.PipelineFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The endpoint answers once the notification is stored and leaves applying it to the inbox's worker. */
class NotificationEndpointInboxTest {

    private final PipelineFixture hub = new PipelineFixture();
    private final List<String> handedOver = new ArrayList<>();
    private final NotificationEndpoint endpoint = new NotificationEndpoint(hub.pipeline, hub.applying,
        new NotificationEndpoint.Transactions() {
            @Override
            public <T> T inNewTransaction(Supplier<T> work) {
                return work.get();
            }
        }, handedOver::addAll, hub.clock);

    private Answer post(String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        PipelineFixture.walleyHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
        return endpoint.handle("walley", hub.endpointKey(ProviderId.WALLEY), headers, new ByteArrayInputStream(utf8(body)));
    }

    private static String orderCreated(String orderId, String reference) {
        return """
            {"Type": "walley:order:created", "Timestamp": "2026-11-23T10:00:00+01:00",
             "Payload": {"OrderId": "%s", "Reference": "%s", "Amount": 30, "Currency": "SEK", "Status": "Authorized",
                         "AuthorizationId": "auth-%s", "CustomerToken": "0a96"}}""".formatted(orderId, reference, orderId);
    }

    @Test
    void theAnswerComesOnceStoredAndTheWorkerAppliesWhatTheInboxWasHanded() {
        Answer accepted = post(orderCreated("o-1", "ref-1"));
        assertEquals(200, accepted.status(), accepted.json());
        assertEquals(1, handedOver.size());
        String id = handedOver.get(0);
        assertEquals(ProcessingStatus.RECEIVED, hub.notifications.byId(id).orElseThrow().status(), "stored, not applied yet");
        assertTrue(hub.transactions.all().isEmpty());

        assertTrue(endpoint.applyNow(id));
        assertEquals(ProcessingStatus.PROCESSED, hub.notifications.byId(id).orElseThrow().status());
        assertEquals(1, hub.transactions.all().size());
        assertFalse(endpoint.applyNow(id), "applied once");

        Answer again = post(orderCreated("o-1", "ref-1"));
        assertEquals(200, again.status());
        assertTrue(again.json().contains("\"duplicate\""), again.json());
        assertEquals(List.of(id), handedOver, "a duplicate hands nothing over");
    }

    @Test
    void theWorkerAppliesSeveralTogetherAndEachOnlyOnce() {
        post(orderCreated("o-3", "ref-3"));
        post(orderCreated("o-4", "ref-4"));
        assertEquals(2, handedOver.size());

        assertEquals(2, endpoint.applyAllNow(handedOver));
        handedOver.forEach(id -> assertEquals(ProcessingStatus.PROCESSED, hub.notifications.byId(id).orElseThrow().status()));
        assertEquals(2, hub.transactions.all().size());
        assertEquals(0, endpoint.applyAllNow(handedOver), "applied once");
    }

    @Test
    void whenApplyingTogetherFailsEachIsAppliedOnItsOwnAndTheFailureRecordedForItsOwner() {
        List<String> attempts = new ArrayList<>();
        NotificationEndpoint failingTogether = new NotificationEndpoint(hub.pipeline, hub.applying,
            new NotificationEndpoint.Transactions() {
                @Override
                public <T> T inNewTransaction(Supplier<T> work) {
                    attempts.add("transaction");
                    if (attempts.size() == 1) {
                        throw new IllegalStateException("connection lost");
                    }
                    return work.get();
                }
            }, handedOver::addAll, hub.clock);
        post(orderCreated("o-5", "ref-5"));
        post(orderCreated("o-6", "ref-6"));
        attempts.clear();

        assertEquals(2, failingTogether.applyAllNow(handedOver));
        assertEquals(3, attempts.size(), "the failed group, then one transaction each");
        handedOver.forEach(id -> assertEquals(ProcessingStatus.PROCESSED, hub.notifications.byId(id).orElseThrow().status()));
    }

    @Test
    void aRefusedRequestIsStoredButNeverHandedOver() {
        Map<String, List<String>> anonymous = new LinkedHashMap<>();
        anonymous.put("Content-Type", List.of("application/json"));
        Answer refused = endpoint.handle("walley", hub.endpointKey(ProviderId.WALLEY), anonymous,
            new ByteArrayInputStream(utf8(orderCreated("o-2", "ref-2"))));
        assertEquals(401, refused.status());
        assertEquals(List.of(), handedOver);
        assertEquals(1, hub.notifications.all().size(), "stored for staff, as refused");
    }
}
