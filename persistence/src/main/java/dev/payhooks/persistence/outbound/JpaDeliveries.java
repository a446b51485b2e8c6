package dev.payhooks.persistence.outbound;

import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryAttempt;
import dev.payhooks.domain.trace.CorrelationId;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.persistence.jpa.JpaRepository;
import dev.payhooks.persistence.jpa.TransactionConnection;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link Deliveries} on JPA. The caller owns the transaction. */
public class JpaDeliveries extends JpaRepository<DeliveryEntity> implements Deliveries {

    private static final String INSERT_ATTEMPT = "insert into delivery_attempt (delivery_id, attempt_number, started_at, "
        + "latency_ms, http_status, error_class, response_excerpt, success, correlation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    public JpaDeliveries(EntityManager em) {
        super(em, DeliveryEntity.class);
    }

    @Override
    public void add(Delivery delivery) {
        addAll(List.of(delivery));
    }

    /** One JDBC batch over the transaction's connection; no entity enters the session. */
    @Override
    public void addAll(List<Delivery> added) {
        if (added.isEmpty()) {
            return;  // no subscription listens: nothing to write
        }
        TransactionConnection.work(em, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into delivery (id, event_id, subscription_id, "
                    + "merchant_id, status, next_attempt_at, attempts_this_round, dead_reason, created_at, updated_at, version) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Delivery d : added) {
                    insert.setString(1, d.id());
                    insert.setString(2, d.eventId().value());
                    insert.setString(3, d.subscriptionId());
                    insert.setString(4, d.merchantId());
                    insert.setString(5, d.status().name());
                    insert.setTimestamp(6, d.nextAttemptAt().map(Timestamp::from).orElse(null));
                    insert.setInt(7, d.attemptsThisRound());
                    insert.setString(8, d.deadReason().orElse(null));
                    insert.setTimestamp(9, Timestamp.from(d.createdAt()));
                    insert.setTimestamp(10, Timestamp.from(d.updatedAt()));
                    insert.setLong(11, d.version());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            if (added.stream().anyMatch(d -> !d.attempts().isEmpty())) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT_ATTEMPT)) {
                    for (Delivery d : added) {
                        for (DeliveryAttempt a : d.attempts()) {
                            bindAttempt(insert, d.id(), a);
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
            return added.size();
        });
    }

    @Override
    public void update(Delivery delivery) {
        change(delivery.id(), delivery.version(), changedMeanwhile("delivery " + delivery.id()),
            e -> {
                copyMutableState(delivery, e);
                e.claimedBy = null;
                e.claimedUntil = null;
            });
    }

    /**
     * Plain SQL in two JDBC batches (one update per delivery, guarded by the version read, then
     * one insert per attempt), not entity loads and dirty checks: the attempts of a whole batch
     * cost two round trips.
     */
    @Override
    public List<Delivery> recordAttempts(List<Delivery> attempted) {
        if (attempted.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            int[] updated;
            try (PreparedStatement update = connection.prepareStatement("update delivery set status = ?, next_attempt_at = ?, "
                    + "attempts_this_round = ?, dead_reason = ?, updated_at = ?, version = version + 1, claimed_by = null, "
                    + "claimed_until = null where id = ? and version = ?")) {
                for (Delivery d : attempted) {
                    update.setString(1, d.status().name());
                    update.setTimestamp(2, d.nextAttemptAt().map(Timestamp::from).orElse(null));
                    update.setInt(3, d.attemptsThisRound());
                    update.setString(4, d.deadReason().orElse(null));
                    update.setTimestamp(5, Timestamp.from(d.updatedAt()));
                    update.setString(6, d.id());
                    update.setLong(7, d.version());
                    update.addBatch();
                }
                updated = update.executeBatch();
            }
            List<Delivery> changedMeanwhile = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ATTEMPT)) {
                for (int i = 0; i < attempted.size(); i++) {
                    Delivery d = attempted.get(i);
                    if (updated[i] == 0) {
                        changedMeanwhile.add(d);
                        continue;
                    }
                    bindAttempt(insert, d.id(), d.attempts().get(d.attempts().size() - 1));
                    insert.addBatch();
                }
                if (changedMeanwhile.size() < attempted.size()) {
                    insert.executeBatch();
                }
            }
            return changedMeanwhile;
        });
    }

    @Override
    public void release(String id, Instant notBefore) {
        executeUpdate("update DeliveryEntity d set d.claimedBy = null, d.claimedUntil = null, d.nextAttemptAt = :notBefore "
            + "where d.id = :id and d.status = 'PENDING'", "id", id, "notBefore", notBefore);
    }

    @Override
    public Optional<Delivery> byId(String merchantId, String id) {
        return findOf(merchantId, id, DeliveryEntity::merchantId).map(JpaDeliveries::toDomain);
    }

    @Override
    public List<Delivery> ofEvent(EventId eventId) {
        return list(JpaDeliveries::toDomain, "select d from DeliveryEntity d where d.eventId = :event order by d.createdAt, d.id",
            "event", eventId.value());
    }

    @Override
    public long count(DeliveryStatus status) {
        return count("select count(d) from DeliveryEntity d where d.status = :status", "status", status.name());
    }

    @Override
    public Optional<Instant> failingSince(String subscriptionId) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Timestamp lastSuccess;
            try (PreparedStatement q = connection.prepareStatement("select max(a.started_at) from delivery_attempt a "
                    + "join delivery d on d.id = a.delivery_id where d.subscription_id = ? and a.success = true")) {
                q.setString(1, subscriptionId);
                try (ResultSet row = q.executeQuery()) {
                    row.next();
                    lastSuccess = row.getTimestamp(1);
                }
            }
            try (PreparedStatement q = connection.prepareStatement("select min(a.started_at) from delivery_attempt a "
                    + "join delivery d on d.id = a.delivery_id where d.subscription_id = ? and a.success = false"
                    + (lastSuccess == null ? "" : " and a.started_at > ?"))) {
                q.setString(1, subscriptionId);
                if (lastSuccess != null) {
                    q.setTimestamp(2, lastSuccess);
                }
                try (ResultSet row = q.executeQuery()) {
                    row.next();
                    Timestamp first = row.getTimestamp(1);
                    return Optional.ofNullable(first).map(Timestamp::toInstant);
                }
            }
        });
    }

    /**
     * Plain SQL on one connection: the due rows with every column (locked, {@code SKIP LOCKED}),
     * the claim as one statement, then the attempts of those that may have some in one query (a
     * row at its first version has none); no entity is loaded, so the claiming transaction has
     * nothing to check at commit.
     */
    @Override
    public List<Delivery> claimDue(Instant now, int limit, String worker, Duration lease, Set<String> skipSubscriptions) {
        List<String> skipped = List.copyOf(skipSubscriptions);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<DueRow> found = new ArrayList<>();
            // SKIP LOCKED: a row another worker is claiming at this moment is passed over, not waited for.
            try (PreparedStatement select = connection.prepareStatement(
                    "select d.id, d.event_id, d.subscription_id, d.merchant_id, d.status, d.next_attempt_at, d.attempts_this_round, "
                        + "d.dead_reason, d.created_at, d.updated_at, d.version from delivery d "
                        + "where d.status = 'PENDING' and d.next_attempt_at <= ? "
                        + "and (d.claimed_until is null or d.claimed_until < ?) "
                        + (skipped.isEmpty() ? "" : "and d.subscription_id not in (" + placeholders(skipped.size()) + ") ")
                        // FIFO: only a subscription's oldest pending delivery, and only while it is due
                        + "and (d.subscription_id not in (select s.id from webhook_subscription s where s.fifo = true) "
                        + "or not exists (select 1 from delivery e where e.subscription_id = d.subscription_id "
                        + "and e.status = 'PENDING' and e.seq < d.seq)) "
                        + "order by d.next_attempt_at, d.id fetch first ? rows only for update skip locked")) {
                int p = 1;
                select.setTimestamp(p++, Timestamp.from(now));
                select.setTimestamp(p++, Timestamp.from(now));
                for (String subscription : skipped) {
                    select.setString(p++, subscription);
                }
                select.setInt(p, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new DueRow(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                            instant(rows, 6), rows.getInt(7), rows.getString(8), instant(rows, 9), instant(rows, 10), rows.getLong(11)));
                    }
                }
            }
            if (found.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement claim = connection.prepareStatement(
                    "update delivery set claimed_by = ?, claimed_until = ? where id in (" + placeholders(found.size()) + ")")) {
                claim.setString(1, worker);
                claim.setTimestamp(2, Timestamp.from(now.plus(lease)));
                for (int i = 0; i < found.size(); i++) {
                    claim.setString(i + 3, found.get(i).id());
                }
                claim.executeUpdate();
            }
            Map<String, List<DeliveryAttempt>> attempts = attemptsOf(connection,
                found.stream().filter(DueRow::mayHaveAttempts).map(DueRow::id).toList());
            List<Delivery> claimed = new ArrayList<>(found.size());
            for (DueRow r : found) {
                claimed.add(Delivery.reconstitute(r.id(), new EventId(r.eventId()), r.subscriptionId(), r.merchantId(),
                    DeliveryStatus.valueOf(r.status()), r.nextAttemptAt(), r.attemptsThisRound(), r.deadReason(),
                    attempts.getOrDefault(r.id(), List.of()), r.createdAt(), r.updatedAt(), r.version()));
            }
            return claimed;
        });
    }

    /** A due row as the claim reads it. */
    private record DueRow(String id, String eventId, String subscriptionId, String merchantId, String status, Instant nextAttemptAt,
                          int attemptsThisRound, String deadReason, Instant createdAt, Instant updatedAt, long version) {

        /**
         * Every change that stores an attempt also raises the version (the entity's update and
         * {@link #recordAttempts}), so a row still at its first version has none to read.
         */
        boolean mayHaveAttempts() {
            return version > 0;
        }
    }

    /** The attempts made so far of the given deliveries, in one query (none for none). */
    private static Map<String, List<DeliveryAttempt>> attemptsOf(java.sql.Connection connection, List<String> ids) throws SQLException {
        Map<String, List<DeliveryAttempt>> attempts = new HashMap<>();
        if (ids.isEmpty()) {
            return attempts;
        }
        try (PreparedStatement select = connection.prepareStatement("select delivery_id, started_at, latency_ms, http_status, "
                + "error_class, response_excerpt, success, correlation_id from delivery_attempt where delivery_id in ("
                + placeholders(ids.size()) + ") order by delivery_id, attempt_number")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    List<DeliveryAttempt> of = attempts.computeIfAbsent(rows.getString(1), id -> new ArrayList<>());
                    int status = rows.getInt(4);
                    Integer httpStatus = rows.wasNull() ? null : status;
                    String correlation = rows.getString(8);
                    of.add(new DeliveryAttempt(of.size() + 1, instant(rows, 2), Duration.ofMillis(rows.getLong(3)), httpStatus,
                        rows.getString(5), rows.getString(6), rows.getBoolean(7), correlation == null ? null : new CorrelationId(correlation)));
                }
            }
        }
        return attempts;
    }

    private static void bindAttempt(PreparedStatement insert, String deliveryId, DeliveryAttempt a) throws SQLException {
        insert.setString(1, deliveryId);
        insert.setInt(2, a.number());
        insert.setTimestamp(3, Timestamp.from(a.startedAt()));
        insert.setLong(4, a.latency().toMillis());
        insert.setObject(5, a.status(), java.sql.Types.INTEGER);
        insert.setString(6, a.errorClass());
        insert.setString(7, a.responseExcerpt());
        insert.setBoolean(8, a.success());
        insert.setString(9, a.correlationId() == null ? null : a.correlationId().value());
    }

    static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void copyMutableState(Delivery d, DeliveryEntity e) {
        e.status = d.status().name();
        e.nextAttemptAt = d.nextAttemptAt().orElse(null);
        e.attemptsThisRound = d.attemptsThisRound();
        e.deadReason = d.deadReason().orElse(null);
        e.updatedAt(d.updatedAt());
        for (int i = e.attempts.size(); i < d.attempts().size(); i++) {
            DeliveryAttempt a = d.attempts().get(i);
            e.attempts.add(new DeliveryAttemptRow(a.startedAt(), a.latency().toMillis(), a.status(), a.errorClass(),
                a.responseExcerpt(), a.success(), a.correlationId() == null ? null : a.correlationId().value()));
        }
    }

    static Delivery toDomain(DeliveryEntity e) {
        List<DeliveryAttempt> attempts = new ArrayList<>();
        for (int i = 0; i < e.attempts.size(); i++) {
            DeliveryAttemptRow r = e.attempts.get(i);
            attempts.add(new DeliveryAttempt(i + 1, r.startedAt(), Duration.ofMillis(r.latencyMillis()), r.httpStatus(), r.errorClass(),
                r.responseExcerpt(), r.success(), r.correlationId() == null ? null : new CorrelationId(r.correlationId())));
        }
        return Delivery.reconstitute(e.id(), new EventId(e.eventId), e.subscriptionId, e.merchantId(), DeliveryStatus.valueOf(e.status),
            e.nextAttemptAt, e.attemptsThisRound, e.deadReason, attempts, e.createdAt(), e.updatedAt(), e.version());
    }
}
