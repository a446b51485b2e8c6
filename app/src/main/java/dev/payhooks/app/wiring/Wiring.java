package dev.payhooks.app.wiring;

import dev.payhooks.app.secrets.AesGcmSecrets;
import dev.payhooks.app.secrets.MasterKeySource;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.merchant.ApiKeys;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.Outbox;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.refund.Refunds;
import dev.payhooks.domain.staff.StaffUsers;
import dev.payhooks.domain.usecase.ManageApiKeys;
import dev.payhooks.domain.usecase.ManageChannels;
import dev.payhooks.persistence.fulfillment.JpaFulfillments;
import dev.payhooks.persistence.inbound.JpaInboundNotifications;
import dev.payhooks.persistence.merchant.JpaApiKeys;
import dev.payhooks.persistence.merchant.JpaChannels;
import dev.payhooks.persistence.merchant.JpaMerchants;
import dev.payhooks.persistence.outbound.JpaDeliveries;
import dev.payhooks.persistence.outbound.JpaOutbox;
import dev.payhooks.persistence.payment.JpaPaymentTransactions;
import dev.payhooks.persistence.refund.JpaRefunds;
import dev.payhooks.persistence.staff.JpaStaffUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Paths;
import java.time.Clock;
import java.util.Optional;

/** Connects the domain's ports to their implementations: the one place that wires. */
@ApplicationScoped
public class Wiring {

    @PersistenceContext(unitName = "payhooks")
    EntityManager entityManager;

    @Inject
    @ConfigProperty(name = "payhooks.master-key")
    Optional<String> masterKey;

    @Inject
    @ConfigProperty(name = "payhooks.mode", defaultValue = "sandbox")
    String mode;

    @Inject
    @ConfigProperty(name = "payhooks.data-dir", defaultValue = "./data")
    String dataDir;

    public boolean production() {
        return "production".equalsIgnoreCase(mode);
    }

    @Produces
    @ApplicationScoped
    StaffUsers staffUsers() {
        return new JpaStaffUsers(entityManager);
    }

    @Produces
    @ApplicationScoped
    Merchants merchants() {
        return new JpaMerchants(entityManager);
    }

    @Produces
    @ApplicationScoped
    Channels channels() {
        return new JpaChannels(entityManager);
    }

    @Produces
    @ApplicationScoped
    ApiKeys apiKeys() {
        return new JpaApiKeys(entityManager);
    }

    @Produces
    @ApplicationScoped
    PaymentTransactions paymentTransactions() {
        return new JpaPaymentTransactions(entityManager);
    }

    @Produces
    @ApplicationScoped
    Refunds refunds() {
        return new JpaRefunds(entityManager);
    }

    @Produces
    @ApplicationScoped
    Fulfillments fulfillments() {
        return new JpaFulfillments(entityManager);
    }

    @Produces
    @ApplicationScoped
    InboundNotifications inboundNotifications() {
        return new JpaInboundNotifications(entityManager);
    }

    @Produces
    @ApplicationScoped
    Outbox outbox() {
        return new JpaOutbox(entityManager);
    }

    @Produces
    @ApplicationScoped
    Deliveries deliveries() {
        return new JpaDeliveries(entityManager);
    }

    @Produces
    @ApplicationScoped
    Secrets secrets() {
        return new AesGcmSecrets(MasterKeySource.load(masterKey, production(), Paths.get(dataDir)));
    }

    @Produces
    @ApplicationScoped
    IdGenerator ids() {
        return new SecureIds();
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    ManageChannels manageChannels(Channels channels, Secrets secrets, IdGenerator ids, Clock clock) {
        return new ManageChannels(channels, secrets, ids, clock);
    }

    @Produces
    ManageApiKeys manageApiKeys(ApiKeys keys, Secrets secrets, IdGenerator ids, Clock clock) {
        return new ManageApiKeys(keys, secrets, ids, clock);
    }
}
