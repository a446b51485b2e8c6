package dev.payhooks.domain.leak;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Test fixture: what ArchitectureTest must reject, a JPA entity inside the domain. */
@Entity
public class LeakyEntity {
    @Id
    Long id;
}
