package dev.payhooks.app.retention;

import dev.payhooks.adapters.retention.PersonalFieldRedaction;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.retention.ApplyRetention;
import dev.payhooks.domain.retention.ExpiredRecords;
import dev.payhooks.domain.retention.PersonalDataRedaction;
import dev.payhooks.persistence.retention.JpaExpiredRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/** Connects the retention job's ports to their implementations. */
@ApplicationScoped
public class RetentionWiring {

    @PersistenceContext(unitName = "payhooks")
    EntityManager entityManager;

    @Produces
    @ApplicationScoped
    ExpiredRecords expiredRecords() {
        return new JpaExpiredRecords(entityManager);
    }

    @Produces
    @ApplicationScoped
    PersonalDataRedaction personalDataRedaction() {
        return new PersonalFieldRedaction();
    }

    /** A plain singleton, not a client proxy: handlers are plain classes without a no-argument constructor. */
    @Produces
    @jakarta.inject.Singleton
    ApplyRetention applyRetention(ExpiredRecords records, PersonalDataRedaction redaction, UnitOfWork units, Clock clock) {
        return new ApplyRetention(records, redaction, units, clock);
    }
}
