package dev.payhooks.app.startup;

import dev.payhooks.app.db.UrlRoutedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Instances starting together on one database: each checks "is there one yet?" and creates one if
 * not, as the first-start bootstrap does, in transactions of their own. Under the lock exactly one
 * is created; on H2 and, when a test database is configured, on PostgreSQL, with the real migrations.
 */
class FirstStartLockTest {

    static Stream<String> databases() {
        String postgres = System.getProperty("payhooks.test.db.url", "");
        return postgres.isBlank() ? Stream.of("jdbc:h2:mem:first-start;DB_CLOSE_DELAY=-1")
            : Stream.of("jdbc:h2:mem:first-start;DB_CLOSE_DELAY=-1", postgres);
    }

    static DataSource migrated(String url) {
        UrlRoutedDataSource ds = new UrlRoutedDataSource();
        ds.setUrl(url);
        if (url.startsWith("jdbc:postgresql:") && !url.contains("user=")) {
            ds.setUser("postgres");
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    static void sql(DataSource ds, String statement) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static int count(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM first_start_lock_probe")) {
            r.next();
            return r.getInt(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void instancesStartingTogetherCreateTheFirstRecordsOnce(String url) throws Exception {
        DataSource ds = migrated(url);
        sql(ds, "DROP TABLE IF EXISTS first_start_lock_probe");
        sql(ds, "CREATE TABLE first_start_lock_probe (instance INTEGER NOT NULL)");
        int instances = 4;
        CountDownLatch ready = new CountDownLatch(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                int instance = i;
                started.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    FirstStartLock.holding(ds, () -> {
                        try {
                            if (count(ds) == 0) {
                                Thread.sleep(300); // the slow part of a first start (hashing the password) widens the race
                                sql(ds, "INSERT INTO first_start_lock_probe (instance) VALUES (" + instance + ")");
                            }
                        } catch (SQLException | InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    return null;
                }));
            }
            for (Future<?> f : started) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(1, count(ds), "created once");
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            sql(ds, "DROP TABLE IF EXISTS first_start_lock_probe");
        }
    }
}
