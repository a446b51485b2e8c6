package dev.payhooks.app.startup;

import dev.payhooks.app.db.UrlRoutedDataSource;
import dev.payhooks.app.config.InvalidSetting;
import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.app.logging.HubLogs;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Brings the database up to date before anything else uses it: checks the connection, runs
 * the Flyway migrations from the {@code migrations} module, loads the master key and the public
 * URL (both required in production mode), then makes
 * sure an administrator and a merchant exist (one instance at a time: {@link FirstStartLock}). Any failure stops the server (see {@link StartupFailure}).
 *
 * <p>The data source's settings come from MicroProfile Config at deployment time, before the
 * settings object exists. Those placeholders do not see the WAR's own
 * {@code microprofile-config.properties}, so the defaults live here, in the annotation.
 */
@DataSourceDefinition(
    name = DatabaseStartup.DATA_SOURCE,
    className = "dev.payhooks.app.db.UrlRoutedDataSource",
    url = "${MPCONFIG=payhooks.db.url:jdbc:h2:file:./data/payhooks}",
    user = "${MPCONFIG=payhooks.db.user:}",
    password = "${MPCONFIG=payhooks.db.password:}",
    minPoolSize = 2,
    maxPoolSize = 32,
    maxIdleTime = 300,
    properties = {
        "fish.payara.is-connection-validation-required=true",
        "fish.payara.connection-validation-method=custom-validation",
        "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
        // a validation round trip per checkout cost one extra database round trip per transaction
        "fish.payara.validate-atmost-once-period-in-seconds=5",
        "fish.payara.fail-all-connections=true",
        // one database user for every connection: no credential matching on each checkout (the pool's
        // default for an annotation-defined pool matches, and serializes checkouts on the shared Subject)
        "fish.payara.match-connections=false"
    })
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseStartup {

    public static final String DATA_SOURCE = "java:app/jdbc/payhooks";
    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    AdministratorBootstrap administrators;

    @Inject
    DefaultMerchantBootstrap merchants;

    @Inject
    Secrets secrets;

    /**
     * Looked up first inside {@link #start()}, so a bad setting (a malformed or, in production
     * mode, missing public URL among them) stops the server like any other failure.
     */
    @Inject
    Instance<PayhooksSettings> settings;

    private String databaseUrl = "";

    @PostConstruct
    void start() {
        boolean exitOnFailure = true;
        try {
            PayhooksSettings loaded = settings.get();
            exitOnFailure = loaded.exitOnStartupFailure();
            HubLogs.install(loaded.logFormat());
            databaseUrl = loaded.databaseUrl();
            String product = checkConnection();
            MigrateResult result = migrate();
            LOG.info(() -> "Database " + product + " at " + UrlRoutedDataSource.redact(databaseUrl)
                + " is at schema version " + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion)
                + " (" + result.migrationsExecuted + " migrations applied now)");
            checkSecrets();
            LOG.info(() -> "Public URL: " + loaded.publicUrl());
            FirstStartLock.holding(dataSource, () -> {
                administrators.ensureOneExists();
                merchants.ensureOneExists();
            });
        } catch (RuntimeException e) {
            // CDI and transaction interceptors may wrap the failure
            StartupFailure failure = StartupFailure.foundIn(e).orElseGet(() -> new StartupFailure("startup failed", e));
            failure.stopServer(failure instanceof InvalidSetting invalid ? invalid.exitProcess() : exitOnFailure);
            throw failure;
        }
    }

    /** Loads the master key now (a missing key stops startup) and proves it seals and opens. */
    private void checkSecrets() {
        String probe = "startup-probe";
        if (!probe.equals(secrets.open(secrets.seal(probe, "startup"), "startup"))) {
            throw new StartupFailure("the master key does not open what it sealed");
        }
    }

    private String checkConnection() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException | RuntimeException e) {
            throw new StartupFailure("database " + UrlRoutedDataSource.redact(databaseUrl) + " is unreachable", e);
        }
    }

    private MigrateResult migrate() {
        try {
            return Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load()
                .migrate();
        } catch (RuntimeException e) {
            throw new StartupFailure("database migration failed on " + UrlRoutedDataSource.redact(databaseUrl), e);
        }
    }
}
