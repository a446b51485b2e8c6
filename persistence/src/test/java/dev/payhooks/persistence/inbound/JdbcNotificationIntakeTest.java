package dev.payhooks.persistence.inbound;

import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.InboundNotifications.StoreResult;
import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.inbound.NotificationKey;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.domain.inbound.VerificationResult;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.persistence.TestDatabase;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The acknowledging path's store on a plain connection: what it writes, duplicates, and all or nothing. */
class JdbcNotificationIntakeTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123456Z");

    static Iterable<String> databases() {
        return TestDatabase.kinds();
    }

    private static InboundNotification received(String id, String key) {
        return InboundNotification.register(id, ProviderId.ADYEN, new NotificationKey(key), "merchant-1", "default-channel",
            ("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8),
            NotificationHeaders.of(Map.of("content-type", "application/json")), VerificationResult.verified(), T0);
    }

    private static Optional<InboundNotification> byId(TestDatabase db, String id) {
        return db.query(em -> new JpaInboundNotifications(em).byId(id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesOneNotificationAsTheRepositoryReadsIt(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1")) {
            JdbcNotificationIntake intake = new JdbcNotificationIntake(db.dataSource());

            assertEquals(StoreResult.stored("n-1"), intake.store(received("n-1", "psp-1")));

            InboundNotification found = byId(db, "n-1").orElseThrow();
            assertEquals(new NotificationKey("psp-1"), found.key());
            assertEquals(Optional.of("merchant-1"), found.merchantId());
            assertEquals(Optional.of("default-channel"), found.channelSlug());
            assertEquals("{\"key\":\"psp-1\"}", new String(found.rawBody(), StandardCharsets.UTF_8));
            assertEquals(Optional.of("application/json"), found.headers().value("content-type"));
            assertEquals(T0, found.receivedAt());
            assertEquals(ProcessingStatus.RECEIVED, found.status());
            assertEquals(0, found.version());
            assertEquals(List.of("n-1"), db.query(em -> new JpaInboundNotifications(em).awaitingProcessing(10))
                .stream().map(InboundNotification::id).toList(), "the worker finds it");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aResentNotificationIsADuplicateOfTheStoredOne(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1")) {
            JdbcNotificationIntake intake = new JdbcNotificationIntake(db.dataSource());
            intake.store(received("n-1", "psp-1"));

            assertEquals(StoreResult.duplicateOf("n-1"), intake.store(received("n-2", "psp-1")));
            assertEquals(List.of(StoreResult.stored("n-3"), StoreResult.duplicateOf("n-1")),
                intake.storeAll(List.of(received("n-3", "psp-3"), received("n-4", "psp-1"))));
            assertEquals(2, db.count("inbound_notification"));
            assertTrue(byId(db, "n-2").isEmpty());
            assertTrue(byId(db, "n-4").isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anItemRepeatedInOneBatchIsADuplicateOfTheFirst(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1")) {
            List<StoreResult> results = new JdbcNotificationIntake(db.dataSource())
                .storeAll(List.of(received("n-1", "psp-1"), received("n-2", "psp-2"), received("n-3", "psp-1")));

            assertEquals(List.of(StoreResult.stored("n-1"), StoreResult.stored("n-2"), StoreResult.duplicateOf("n-1")), results);
            assertEquals(2, db.count("inbound_notification"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aBatchIsStoredWholeOrNotAtAll(String kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1");
             Connection shared = db.dataSource().getConnection()) {
            JdbcNotificationIntake intake = new JdbcNotificationIntake(handingOut(shared));
            intake.store(received("n-1", "psp-1"));

            // the third row's id is taken (a primary key clash, never a duplicate): nothing of the batch stays
            assertThrows(PersistenceException.class, () -> intake.storeAll(List.of(
                received("n-2", "psp-2"), received("n-3", "psp-3"), received("n-1", "psp-4"))));

            assertEquals(1, db.count("inbound_notification"));
            assertTrue(byId(db, "n-2").isEmpty());
            assertTrue(shared.getAutoCommit(), "the connection goes back to the pool as it came");
            assertEquals(List.of(StoreResult.stored("n-2"), StoreResult.stored("n-3")),
                intake.storeAll(List.of(received("n-2", "psp-2"), received("n-3", "psp-3"))), "and it is usable");
            assertTrue(shared.getAutoCommit());
            assertEquals(3, db.count("inbound_notification"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRefusedOrUnreadableNotificationIsStoredIgnoredWithItsReason(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).withMerchants("merchant-1")) {
            JdbcNotificationIntake intake = new JdbcNotificationIntake(db.dataSource());
            InboundNotification unproven = InboundNotification.register("n-1", ProviderId.ADYEN,
                new NotificationKey("unverified:abc"), "merchant-1", "default-channel", new byte[] {1, 2},
                NotificationHeaders.none(), VerificationResult.failed("HMAC signature mismatch"), T0);
            InboundNotification unreadable = received("n-2", "malformed:def");
            unreadable.markIgnored("malformed: no JSON", T0.plusSeconds(1));

            intake.store(unproven);
            intake.store(unreadable);

            InboundNotification refused = byId(db, "n-1").orElseThrow();
            assertEquals(ProcessingStatus.IGNORED, refused.status());
            assertEquals(Optional.of("verification failed: HMAC signature mismatch"), refused.statusReason());
            assertEquals(VerificationResult.failed("HMAC signature mismatch"), refused.verification());
            InboundNotification malformed = byId(db, "n-2").orElseThrow();
            assertEquals(ProcessingStatus.IGNORED, malformed.status());
            assertEquals(Optional.of("malformed: no JSON"), malformed.statusReason());
            assertEquals(1, malformed.attempts());
            assertEquals(Optional.of(T0.plusSeconds(1)), malformed.lastAttemptAt());
            assertFalse(db.query(em -> new JpaInboundNotifications(em).awaitingProcessing(10)).stream()
                .anyMatch(n -> n.status() == ProcessingStatus.IGNORED), "the worker leaves them alone");
        }
    }

    /** A pool of one: every checkout is the same connection, and closing it leaves it open, as a pool does. */
    private static DataSource handingOut(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                if (method.getName().equals("close")) {
                    return null;
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        return new DataSource() {
            @Override public Connection getConnection() {
                return unclosable;
            }
            @Override public Connection getConnection(String user, String password) {
                return unclosable;
            }
            @Override public PrintWriter getLogWriter() {
                return null;
            }
            @Override public void setLogWriter(PrintWriter out) {
            }
            @Override public void setLoginTimeout(int seconds) {
            }
            @Override public int getLoginTimeout() {
                return 0;
            }
            @Override public Logger getParentLogger() {
                return Logger.getGlobal();
            }
            @Override public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }
            @Override public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }
}
