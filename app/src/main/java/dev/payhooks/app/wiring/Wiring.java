package dev.payhooks.app.wiring;

import dev.payhooks.domain.staff.StaffUsers;
import dev.payhooks.persistence.staff.JpaStaffUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/** Connects the domain's ports to their implementations: the one place that wires. */
@ApplicationScoped
public class Wiring {

    @PersistenceContext(unitName = "payhooks")
    EntityManager entityManager;

    @Produces
    @ApplicationScoped
    StaffUsers staffUsers() {
        return new JpaStaffUsers(entityManager);
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
