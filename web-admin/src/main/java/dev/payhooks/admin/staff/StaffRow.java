package dev.payhooks.admin.staff;

import java.time.Instant;
import java.util.List;

/**
 * A staff user as the Staff view lists it; {@code you} marks the signed-in user (who cannot disable
 * themselves); {@code belongsTo}: their merchant's name, or that they are an operator.
 */
public record StaffRow(String username, List<String> roles, boolean enabled, boolean secondFactor, Instant createdAt,
                       boolean you, String belongsTo) {
    public StaffRow {
        roles = List.copyOf(roles);
    }
}
