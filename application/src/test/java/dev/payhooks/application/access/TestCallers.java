package dev.payhooks.application.access;

import dev.payhooks.domain.staff.StaffRole;

import java.util.Optional;
import java.util.Set;

/** Staff callers of one role for handler tests (no second factor passed). */
public final class TestCallers {

    private TestCallers() {
    }

    public static Caller.Staff administrator(String merchantId) {
        return staff("admin", StaffRole.ADMINISTRATOR, merchantId);
    }

    public static Caller.Staff developer(String merchantId) {
        return staff("dev", StaffRole.DEVELOPER, merchantId);
    }

    public static Caller.Staff viewer(String merchantId) {
        return staff("viewer", StaffRole.VIEWER, merchantId);
    }

    private static Caller.Staff staff(String username, StaffRole role, String merchantId) {
        return new Caller.Staff(username, Set.of(role), true, Optional.empty(), merchantId, false);
    }
}
