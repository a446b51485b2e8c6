package dev.payhooks.application.access;

import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.domain.staff.StaffUsers;

import java.time.Instant;
import java.util.Optional;

/**
 * The console's callers: the signed-in staff member as stored now (a disabled or demoted member's
 * open session loses its rights at once), acting for the installation's merchant (the oldest one;
 * Payhooks creates it at first start).
 */
public record StaffCallers(StaffUsers users, Merchants merchants) {

    /** {@code username} as stored now, with when their session last passed the second factor. */
    public Caller.Staff staff(String username, Optional<Instant> secondFactorVerifiedAt) {
        String name = StaffUser.normalizeUsername(username);
        Optional<StaffUser> stored = name == null || name.isEmpty() ? Optional.empty() : users.withUsername(name);
        return Caller.Staff.of(username, stored, secondFactorVerifiedAt, installationMerchant());
    }

    /** The merchant the console works on. */
    public String installationMerchant() {
        return merchants.installationMerchant()
            .orElseThrow(() -> new NotFound("merchant (none is set up yet)")).id();
    }
}
