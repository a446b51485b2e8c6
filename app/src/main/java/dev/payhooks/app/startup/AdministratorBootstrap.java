package dev.payhooks.app.startup;

import dev.payhooks.domain.staff.PasswordHashing;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.domain.staff.StaffUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.app.config.Secret;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * On a database without staff users, creates the {@code admin} administrator, an operator (who
 * may act for any merchant and manage merchants). Its password is
 * {@code payhooks.admin.password} ({@code PAYHOOKS_ADMIN_PASSWORD}) if set, otherwise a
 * generated one printed once to standard output, never to the log.
 */
@ApplicationScoped
public class AdministratorBootstrap {

    static final String ADMIN_USERNAME = "admin";
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Logger LOG = Logger.getLogger(AdministratorBootstrap.class.getName());

    @Inject
    StaffUsers staffUsers;

    @Inject
    PasswordHashing hashing;

    @Inject
    Clock clock;

    Optional<String> configuredPassword = Optional.empty();

    @Inject
    void settings(PayhooksSettings settings) {
        configuredPassword = settings.admin().password().map(Secret::value);
    }

    PrintStream console = System.out;
    SecureRandom random = new SecureRandom();

    @Transactional
    public void ensureOneExists() {
        if (staffUsers.count() > 0) {
            return;
        }
        boolean generated = configuredPassword.filter(p -> !p.isBlank()).isEmpty();
        String password = generated ? generatePassword() : configuredPassword.get();
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new StartupFailure("PAYHOOKS_ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        staffUsers.add(StaffUser.registerOperator(UUID.randomUUID().toString(), ADMIN_USERNAME,
            hashing.hash(password.toCharArray()), Set.of(StaffRole.ADMINISTRATOR), clock.instant()));
        LOG.info("Created the administrator account '" + ADMIN_USERNAME + "' ("
            + (generated ? "generated password printed to standard output" : "password from PAYHOOKS_ADMIN_PASSWORD") + ")");
        if (generated) {
            FirstStartBanner.print(console, "Payhooks created an administrator account for the admin UI (/admin):",
                List.of("username: " + ADMIN_USERNAME, "password: " + password));
        }
    }

    String generatePassword() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
