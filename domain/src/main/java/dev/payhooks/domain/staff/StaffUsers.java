package dev.payhooks.domain.staff;

import java.util.List;
import java.util.Optional;

/** All staff users, as a collection. */
public interface StaffUsers {

    Optional<StaffUser> withUsername(String username);

    long count();

    /** Every staff user, by username. */
    List<StaffUser> all();

    /** Adds a new staff user; fails if the username is taken. */
    void add(StaffUser user);

    /** Stores changes to an existing staff user (optimistic locking on its version). */
    void update(StaffUser user);
}
