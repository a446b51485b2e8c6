package dev.payhooks.app.startup;

import dev.payhooks.domain.staff.FakePasswordHashing;
import dev.payhooks.domain.staff.InMemoryStaffUsers;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdministratorBootstrapTest {

    final InMemoryStaffUsers users = new InMemoryStaffUsers();
    final FakePasswordHashing hashing = new FakePasswordHashing();
    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    AdministratorBootstrap bootstrap(Optional<String> configuredPassword) {
        AdministratorBootstrap bootstrap = new AdministratorBootstrap();
        bootstrap.staffUsers = users;
        bootstrap.hashing = hashing;
        bootstrap.clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        bootstrap.configuredPassword = configuredPassword;
        bootstrap.console = new PrintStream(console, true, StandardCharsets.UTF_8);
        return bootstrap;
    }

    String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void firstStartCreatesAnAdministratorWithAGeneratedPasswordPrintedOnce() {
        bootstrap(Optional.empty()).ensureOneExists();

        Matcher password = Pattern.compile("password: (\\S+)").matcher(printed());
        assertTrue(password.find(), printed());
        assertEquals(20, password.group(1).length());
        StaffUser admin = users.withUsername("admin").orElseThrow();
        assertEquals(Set.of(StaffRole.ADMINISTRATOR), admin.roles());
        assertTrue(admin.operator(), "the first administrator is an operator: may act for any merchant and manage merchants");
        assertTrue(hashing.verify(password.group(1).toCharArray(), admin.passwordHash()));

        console.reset();
        bootstrap(Optional.empty()).ensureOneExists();
        assertEquals("", printed(), "the second start prints nothing");
        assertEquals(1, users.count());
    }

    @Test
    void configuredPasswordIsUsedAndNeverPrinted() {
        bootstrap(Optional.of("from-the-environment-1")).ensureOneExists();

        assertEquals("", printed());
        assertTrue(hashing.verify("from-the-environment-1".toCharArray(),
            users.withUsername("admin").orElseThrow().passwordHash()));
    }

    @Test
    void blankConfiguredPasswordMeansGenerate() {
        bootstrap(Optional.of("  ")).ensureOneExists();

        assertTrue(printed().contains("password: "));
    }

    @Test
    void tooShortConfiguredPasswordStopsStartup() {
        StartupFailure failure = assertThrows(StartupFailure.class, () -> bootstrap(Optional.of("short")).ensureOneExists());

        assertTrue(failure.oneLine().contains("at least 12 characters"), failure.oneLine());
        assertEquals(0, users.count());
    }

    @Test
    void existingStaffMeansNothingToDo() {
        users.add(StaffUser.register("id-1", "carol", "fake$x", Set.of(StaffRole.VIEWER), "m-1", Instant.EPOCH));

        bootstrap(Optional.empty()).ensureOneExists();

        assertFalse(users.withUsername("admin").isPresent());
        assertEquals("", printed());
    }

    @Test
    void generatedPasswordsDiffer() {
        AdministratorBootstrap bootstrap = bootstrap(Optional.empty());
        assertFalse(bootstrap.generatePassword().equals(bootstrap.generatePassword()));
    }
}
