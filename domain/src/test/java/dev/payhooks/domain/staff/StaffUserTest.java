package dev.payhooks.domain.staff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class StaffUserTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void usernamesAreNormalizedToLowerCase() {
        StaffUser user = StaffUser.register("u1", "  Admin ", "hash", Set.of(StaffRole.ADMINISTRATOR), "m-1", NOW);
        assertEquals("admin", user.username());
        assertTrue(user.enabled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a", "-admin", "ad min", "admin<script>", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void rejectsInvalidUsernames(String username) {
        assertThrows(IllegalArgumentException.class,
            () -> StaffUser.register("u1", username, "hash", Set.of(StaffRole.VIEWER), "m-1", NOW));
    }

    @Test
    void needsARole() {
        assertThrows(IllegalArgumentException.class,
            () -> StaffUser.register("u1", "viewer", "hash", Set.of(), "m-1", NOW));
    }

    @Test
    void onlyAdministratorsAndDevelopersChangeConfiguration() {
        assertTrue(StaffUser.register("u0", "admin", "h", Set.of(StaffRole.ADMINISTRATOR), "m-1", NOW).mayChangeConfiguration());
        assertTrue(StaffUser.register("u1", "dev", "h", Set.of(StaffRole.DEVELOPER), "m-1", NOW).mayChangeConfiguration());
        assertFalse(StaffUser.register("u2", "viewer", "h", Set.of(StaffRole.VIEWER), "m-1", NOW).mayChangeConfiguration());
    }

    @Test
    void toStringNeverShowsTheHash() {
        StaffUser user = StaffUser.register("u1", "admin", "PBKDF2WithHmacSHA512:secret", Set.of(StaffRole.ADMINISTRATOR), "m-1", NOW);
        assertFalse(user.toString().contains("secret"));
    }

    @Test
    void disableAndEnable() {
        StaffUser user = StaffUser.register("u1", "admin", "h", Set.of(StaffRole.ADMINISTRATOR), "m-1", NOW);
        user.disable();
        assertFalse(user.enabled());
        user.enable();
        assertTrue(user.enabled());
    }
}
