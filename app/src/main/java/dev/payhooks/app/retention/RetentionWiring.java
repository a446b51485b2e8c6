package dev.payhooks.app.retention;

import dev.payhooks.adapters.retention.PersonalFieldRedaction;
import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.application.retention.ApplyRetention;
import dev.payhooks.domain.retention.ExpiredRecords;
import dev.payhooks.domain.retention.PersonalDataRedaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** Connects the retention job's ports to their implementations (its expired records are the database's: {@code PersistenceWiring}). */
@ApplicationScoped
public class RetentionWiring {

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
