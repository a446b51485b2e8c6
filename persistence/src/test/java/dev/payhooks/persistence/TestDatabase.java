package dev.payhooks.persistence;

import dev.payhooks.domain.payment.Currency;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.persistence.payment.JpaPaymentTransactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.flywaydb.core.Flyway;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A fresh, fully migrated database for one test: an in-memory H2 database, or a new schema
 * in the PostgreSQL database named by the {@code payhooks.test.db.url} system property
 * (set from {@code PAYHOOKS_TEST_DB_URL}). Hibernate validates the mapping against the
 * schema Flyway built, so a mapping that drifts from the migrations fails here.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String POSTGRES_URL_PROPERTY = "payhooks.test.db.url";

    private final String name;
    private final DataSource dataSource;
    private final EntityManagerFactory emf;
    private final Runnable dropper;

    private TestDatabase(String name, DataSource dataSource, Runnable dropper) {
        this.name = name;
        this.dataSource = dataSource;
        this.dropper = dropper;
        Flyway.configure(TestDatabase.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
        this.emf = new HibernatePersistenceProvider().createEntityManagerFactory("payhooks", Map.of(
            // persistence.xml names the container's provider subclass; tests bootstrap Hibernate itself
            "jakarta.persistence.provider", HibernatePersistenceProvider.class.getName(),
            "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
            "jakarta.persistence.nonJtaDataSource", dataSource,
            "hibernate.transaction.jta.platform", "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform",
            "hibernate.hbm2ddl.auto", "validate"));
    }

    /** H2 always; PostgreSQL too when the switch is set. Use as a JUnit {@code @MethodSource}. */
    public static List<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of("h2"));
        if (postgresUrl() != null) {
            kinds.add("postgresql");
        }
        return kinds;
    }

    public static TestDatabase create(String kind) {
        return switch (kind) {
            case "h2" -> h2();
            case "postgresql" -> postgres();
            default -> throw new IllegalArgumentException("unknown test database kind " + kind);
        };
    }

    public static TestDatabase h2() {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return new TestDatabase("h2", ds, () -> execute(ds, "SHUTDOWN"));
    }

    public static TestDatabase postgres() {
        String url = postgresUrl();
        if (url == null) {
            throw new IllegalStateException(POSTGRES_URL_PROPERTY + " is not set");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        execute(admin, "CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setCurrentSchema(schema);
        return new TestDatabase("postgresql", ds, () -> execute(admin, "DROP SCHEMA " + schema + " CASCADE"));
    }

    private static String postgresUrl() {
        String url = System.getProperty(POSTGRES_URL_PROPERTY, "");
        return url.isBlank() ? null : url;
    }

    /** Adds bare merchant rows, for tests of tables that reference a merchant. */
    public TestDatabase withMerchants(String... ids) {
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement insert = c.prepareStatement(
                 "insert into merchant (id, name, merchant_key, created_at, version) values (?, ?, ?, ?, 0)")) {
            for (String id : ids) {
                insert.setString(1, id);
                insert.setString(2, "Merchant " + id);
                insert.setString(3, String.format("%15s", Integer.toHexString(id.hashCode())).replace(' ', '0'));
                insert.setObject(4, java.time.OffsetDateTime.parse("2026-11-23T00:00:00Z"));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /**
     * Adds JPY transactions (Adyen, channel "jp-store", created 2026-11-23T00:00:00Z) of a
     * merchant added before, for tests of tables that reference a transaction.
     */
    public TestDatabase withTransactions(String merchantId, String... ids) {
        run(em -> {
            PaymentTransactions transactions = new JpaPaymentTransactions(em);
            for (String id : ids) {
                transactions.add(merchantId, PaymentTransaction.initialize(TransactionId.of(id), "jp-store",
                    ProviderId.ADYEN, "saleor-" + id, Currency.JPY, Instant.parse("2026-11-23T00:00:00Z")));
            }
        });
        return this;
    }

    /** A count of rows, to see what the database itself did (cascades). */
    public long count(String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rows = s.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement outside JPA, e.g. a delete whose cascades a test checks. */
    public void execute(String sql) {
        execute(dataSource, sql);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public EntityManagerFactory entityManagerFactory() {
        return emf;
    }

    /** Runs the work in one committed transaction and returns its result. */
    public <T> T query(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        query(em -> {
            work.accept(em);
            return null;
        });
    }

    @Override
    public void close() {
        emf.close();
        dropper.run();
    }

    @Override
    public String toString() {
        return name;
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    /** A schema of its own with nothing in it (H2: a fresh in-memory database), for tests that run migrations themselves. */
    public static DataSource emptySchema(String kind, String schema) throws SQLException {
        if (kind.equals("h2")) {
            org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
            ds.setURL("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1");
            ds.setUser("sa");
            return ds;
        }
        String url = System.getProperty(TestDatabase.POSTGRES_URL_PROPERTY);
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setCurrentSchema(schema);
        return ds;
    }

    /** Drops what {@link #emptySchema} made. */
    public static void dropSchema(String kind, String schema, DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(kind.equals("h2") ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
