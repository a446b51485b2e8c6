package dev.payhooks.persistence.inbound;

import dev.payhooks.domain.inbound.InboundActivity;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.persistence.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JpaInboundActivityTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    static InboundNotification arrived(String id, ProviderId provider, String merchant, Instant at) {
        return InboundNotification.register(id, provider, new NotificationKey("key-" + id), merchant, "default-channel",
            "{}".getBytes(StandardCharsets.UTF_8), NotificationHeaders.none(), VerificationResult.verified(), at);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void arrivalsOfTheMerchantSinceATimeNewestFirstWithTheirProvider(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("m1", "m2")) {
            db.run(em -> {
                JpaInboundNotifications notifications = new JpaInboundNotifications(em);
                notifications.store(arrived("n1", ProviderId.ADYEN, "m1", T0.minusSeconds(3600)));
                notifications.store(arrived("n2", ProviderId.WALLEY, "m1", T0.plusSeconds(10)));
                notifications.store(arrived("n3", ProviderId.ADYEN, "m1", T0.plusSeconds(20)));
                notifications.store(arrived("n4", ProviderId.ADYEN, "m2", T0.plusSeconds(30)));
            });

            List<InboundActivity.Arrival> arrivals = db.query(em -> new JpaInboundActivity(em).since("m1", T0, 100));

            assertEquals(List.of(new InboundActivity.Arrival(ProviderId.ADYEN, T0.plusSeconds(20)),
                new InboundActivity.Arrival(ProviderId.WALLEY, T0.plusSeconds(10))), arrivals);
            assertEquals(1, db.query(em -> new JpaInboundActivity(em).since("m1", T0, 1)).size());
        }
    }
}
