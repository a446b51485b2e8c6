package dev.payhooks.persistence.jpa;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.PersistenceUnitInfo;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceProvider;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hibernate, told its SQL dialect up front from the configured database URL.
 *
 * <p>Without it, Hibernate asks the database for its product name while the server deploys
 * the application; when the database is down, that fails the deployment and leaves an
 * application server running without the application. Knowing the dialect, Hibernate
 * deploys, and the application's own startup check reports the unreachable database and
 * stops the process.
 *
 * <p>Loading it also keeps statement values out of the log ({@link DatabaseLogs}).
 */
public class PayhooksPersistenceProvider extends HibernatePersistenceProvider {

    static {
        // before Hibernate runs a statement: no statement values in the server log
        DatabaseLogs.quiet();
    }

    /** The configuration key of the database URL, as in MicroProfile Config. */
    public static final String DB_URL_KEY = "payhooks.db.url";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public EntityManagerFactory createContainerEntityManagerFactory(PersistenceUnitInfo info, Map properties) {
        Map<Object, Object> settings = properties == null ? new HashMap<>() : new HashMap<>(properties);
        if (!settings.containsKey(AvailableSettings.DIALECT) && !info.getProperties().containsKey(AvailableSettings.DIALECT)) {
            dialectFor(configuredDatabaseUrl()).ifPresent(dialect -> settings.put(AvailableSettings.DIALECT, dialect));
        }
        containerSettings().forEach((key, value) -> {
            if (!info.getProperties().containsKey(key)) {
                settings.putIfAbsent(key, value);
            }
        });
        return super.createContainerEntityManagerFactory(info, settings);
    }

    /**
     * What the container's JTA persistence unit sets besides persistence.xml. A session takes
     * its connection at its first statement and gives it back just before the transaction
     * completes, not after every statement: within one JTA transaction the pool hands out the
     * same connection anyway, and taking and returning it around each statement walked the
     * pool's checkout once per statement. Only for JTA: the tests' resource-local units commit
     * on the session's own connection, which must be held until the commit.
     */
    static Map<String, String> containerSettings() {
        return Map.of(AvailableSettings.CONNECTION_HANDLING,
            "DELAYED_ACQUISITION_AND_RELEASE_BEFORE_TRANSACTION_COMPLETION");
    }

    /** Hibernate's dialect for a JDBC URL, when it is one of the databases Payhooks supports. */
    public static Optional<String> dialectFor(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank() || jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.of("org.hibernate.dialect.H2Dialect"); // the embedded default
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Optional.of("org.hibernate.dialect.PostgreSQLDialect");
        }
        return Optional.empty();
    }

    private static String configuredDatabaseUrl() {
        try {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue(DB_URL_KEY, String.class).orElse(null);
        } catch (RuntimeException | LinkageError noConfigService) {
            String property = System.getProperty(DB_URL_KEY);
            return property != null ? property : System.getenv("PAYHOOKS_DB_URL");
        }
    }
}
