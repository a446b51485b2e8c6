package dev.payhooks.persistence.jpa;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PayhooksPersistenceProviderTest {

    @Test
    void postgresqlUrlsGetThePostgresqlDialect() {
        assertEquals(Optional.of("org.hibernate.dialect.PostgreSQLDialect"),
            PayhooksPersistenceProvider.dialectFor("jdbc:postgresql://db:5432/payhooks?sslmode=require"));
    }

    @Test
    void h2AndTheUnsetDefaultGetTheH2Dialect() {
        assertEquals(Optional.of("org.hibernate.dialect.H2Dialect"), PayhooksPersistenceProvider.dialectFor("jdbc:h2:file:./data/payhooks"));
        assertEquals(Optional.of("org.hibernate.dialect.H2Dialect"), PayhooksPersistenceProvider.dialectFor(null));
    }

    @Test
    void otherDatabasesAreLeftToHibernate() {
        assertEquals(Optional.empty(), PayhooksPersistenceProvider.dialectFor("jdbc:mysql://localhost/x"));
    }

    @Test
    void theContainersSessionsHoldTheirConnectionUntilTheTransactionCompletes() {
        assertEquals(org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode
                .DELAYED_ACQUISITION_AND_RELEASE_BEFORE_TRANSACTION_COMPLETION,
            org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode.interpret(
                PayhooksPersistenceProvider.containerSettings().get(org.hibernate.cfg.AvailableSettings.CONNECTION_HANDLING)));
    }
}
