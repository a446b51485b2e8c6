package dev.payhooks.admin;

import dev.payhooks.admin.security.SessionMerchantChoice;
import dev.payhooks.admin.security.SignedInStaff;
import dev.payhooks.application.access.Caller;
import dev.payhooks.application.access.StaffCallers;
import dev.payhooks.application.approvals.FourEyes;
import dev.payhooks.domain.approval.InMemoryApprovalRequests;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.staff.InMemoryStaffUsers;
import dev.payhooks.domain.staff.SecondFactorMarks;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.security.Principal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The console's signed-in staff member over in-memory stores, for the view models' tests: the
 * installation's merchant "m-1", a staff store, the session's second-factor marks and an audit
 * trail that names the signed-in member.
 */
public final class ConsoleFixture {

    public final SteppingClock clock;
    public final InMemoryMerchants merchants = new InMemoryMerchants();
    public final InMemoryStaffUsers users = new InMemoryStaffUsers();
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    public final InMemoryApprovalRequests approvals = new InMemoryApprovalRequests();
    public final Map<String, Instant> verified = new HashMap<>();
    public final SecondFactorMarks marks = new SecondFactorMarks() {
        @Override
        public Optional<Instant> verifiedAt(String username) {
            return Optional.ofNullable(verified.get(username));
        }

        @Override
        public void verified(String username, Instant at) {
            verified.put(username, at);
        }
    };
    /** The merchant each username's session chose to act for. */
    public final Map<String, String> chosen = new HashMap<>();
    public final SessionMerchantChoice choice = new SessionMerchantChoice() {
        @Override
        public Optional<String> chosen(String username) {
            return Optional.ofNullable(chosen.get(username));
        }

        @Override
        public void choose(String username, String merchantId) {
            chosen.put(username, merchantId);
        }
    };
    private String name = "";
    public final SignedInStaff signedIn;
    public final AuditRecorder recorder;

    public ConsoleFixture(Instant now) {
        clock = new SteppingClock(now);
        merchants.add(Merchant.register("m-1", "Default merchant", "7qwnw4j2kmqvrb3", now));
        signedIn = new SignedInStaff(new Session(), marks, new StaffCallers(users, merchants), choice);
        recorder = audit.recorder(() -> Actor.staff(name), clock);
    }

    /** Four-eyes over the fixture's merchants and approval requests, naming the signed-in member. */
    public FourEyes fourEyes() {
        return new FourEyes(merchants, approvals, () -> Actor.staff(name), recorder, new SequentialIds(), clock);
    }

    /** The model, asking the fixture's signed-in member (as a console model asks the container's). */
    public <M extends ConsoleModel> M withSignedIn(M model) {
        model.signedIn = signedIn;
        return model;
    }

    /** Signs {@code username} in with one role, as stored now (added, or replacing the user of that name). */
    public void signIn(String username, String role) {
        StaffUser user = StaffUser.register("staff-" + username, username, "hash", Set.of(StaffRole.valueOf(role)), "m-1",
            Instant.parse("2026-11-01T00:00:00Z"));
        if (users.withUsername(username).isPresent()) {
            users.update(user);
        } else {
            users.add(user);
        }
        name = username;
    }

    /** A developer of the installation's merchant, for setting up what a test reads. */
    public Caller.Staff developer() {
        return new Caller.Staff("setup", Set.of(StaffRole.DEVELOPER), false, Optional.empty(), "m-1", false);
    }

    /** The session's principal only: the staff store is left as it is. */
    public void sessionOf(String username) {
        name = username;
    }

    /** The container's view of the session: a principal by name, and roles it should not be asked about. */
    private final class Session implements SecurityContext {
        @Override
        public Principal getCallerPrincipal() {
            return name.isEmpty() ? null : () -> name;
        }

        @Override
        public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
            return Set.of();
        }

        @Override
        public boolean isCallerInRole(String role) {
            return true;
        }

        @Override
        public boolean hasAccessToWebResource(String resource, String... methods) {
            return false;
        }

        @Override
        public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                                 AuthenticationParameters parameters) {
            throw new UnsupportedOperationException();
        }
    }
}
