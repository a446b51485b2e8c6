package dev.payhooks.application.access;

import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who asks a use case to act: a client of the management API (its API key) or a staff member of
 * the console (as stored when the request began, with their session's second-factor state), each
 * for one merchant; or an operator (an operator key), who manages the merchants themselves and acts
 * for none of them. Operator staff do both: they act for the merchant their session chose and
 * manage merchants. Handlers decide from these facts and are the only place that refuses; callers
 * never pass a verdict.
 */
public sealed interface Caller {

    /** The merchant the caller acts for. */
    String merchantId();

    /** Why this caller may not change the merchant's configuration (webhooks, channels, keys, replays), or empty if they may. */
    Optional<String> refusalToChange();

    /** Why this caller may not administer the installation (which Saleor apps it trusts), or empty if they may. */
    Optional<String> refusalToAdminister();

    default boolean mayChange() {
        return refusalToChange().isEmpty();
    }

    default boolean mayAdminister() {
        return refusalToAdminister().isEmpty();
    }

    /**
     * Throws {@link NotPermitted} unless the caller may change the merchant's configuration;
     * returns the merchant the change is for.
     */
    default String requireMayChange() {
        refusalToChange().ifPresent(why -> {
            throw new NotPermitted("Changing this needs the right to manage the merchant's configuration: " + why);
        });
        return merchantId();
    }

    /** Why this caller may not manage merchants (create, disable, issue their keys), or empty if they may. */
    default Optional<String> refusalToOperate() {
        return Optional.of("only operator keys and operator staff manage merchants");
    }

    /** Throws {@link NotPermitted} unless the caller is an operator (an operator key, or operator staff). */
    default void requireOperator() {
        refusalToOperate().ifPresent(why -> {
            throw new NotPermitted("Managing merchants needs an operator: " + why);
        });
    }

    /** Throws {@link NotPermitted} unless the caller may administer the installation. */
    default void requireMayAdminister() {
        refusalToAdminister().ifPresent(why -> {
            throw new NotPermitted("Only administrators do this: " + why);
        });
    }

    /**
     * An API key. Keys have no scopes: each active one manages its merchant's configuration in full
     * (it can point a webhook anywhere and sign it with the Signature Key).
     */
    record ApiClient(ApiKey key) implements Caller {
        @Override
        public String merchantId() {
            return key == null ? "" : key.merchantId();
        }

        @Override
        public Optional<String> refusalToChange() {
            return key == null || !key.active() ? Optional.of("the API key is revoked") : Optional.empty();
        }

        @Override
        public Optional<String> refusalToAdminister() {
            return refusalToChange();
        }
    }

    /**
     * An operator key ({@code fingerprint}: how audit entries name it). It manages merchants and
     * nothing inside one: it acts for no merchant, so a merchant's data and configuration stay out
     * of its reach.
     */
    record Operator(String fingerprint) implements Caller {
        @Override
        public String merchantId() {
            return "";
        }

        @Override
        public Optional<String> refusalToChange() {
            return Optional.of("an operator key acts for no merchant");
        }

        @Override
        public Optional<String> refusalToAdminister() {
            return refusalToChange();
        }

        @Override
        public Optional<String> refusalToOperate() {
            return Optional.empty();
        }
    }

    /**
     * A staff member acting for {@code merchantId}: administrators and developers change
     * configuration, viewers only look, and only administrators manage staff and Saleor
     * installations. {@code roles} is empty for a username that is no enabled staff member (disabled,
     * removed, or nobody signed in). {@code operator}: an enabled operator, who may act for any
     * merchant and, with a role that changes configuration and the second factor passed in this
     * session (as the console's configuration sections ask), manage merchants.
     */
    record Staff(String username, Set<StaffRole> roles, boolean secondFactorEnrolled,
                 Optional<Instant> secondFactorVerifiedAt, String merchantId, boolean operator) implements Caller {

        public Staff {
            username = username == null ? "" : username;
            roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
            secondFactorVerifiedAt = secondFactorVerifiedAt == null ? Optional.empty() : secondFactorVerifiedAt;
        }

        /** The staff member as stored now ({@code stored} empty or disabled: no rights at all). */
        public static Staff of(String username, Optional<StaffUser> stored, Optional<Instant> secondFactorVerifiedAt,
                               String merchantId) {
            Optional<StaffUser> enabled = stored == null ? Optional.empty() : stored.filter(StaffUser::enabled);
            return new Staff(username, enabled.map(StaffUser::roles).orElse(Set.of()),
                enabled.flatMap(StaffUser::secondFactor).isPresent(), secondFactorVerifiedAt, merchantId,
                enabled.filter(StaffUser::operator).isPresent());
        }

        /** Whether this is an enabled staff member at all. */
        public boolean enabled() {
            return !roles.isEmpty();
        }

        /** Whether this is an enabled operator (who may act for any merchant). */
        @Override
        public boolean operator() {
            return operator && enabled();
        }

        public boolean administrator() {
            return roles.contains(StaffRole.ADMINISTRATOR);
        }

        @Override
        public Optional<String> refusalToChange() {
            if (!enabled()) {
                return Optional.of("no enabled staff member is signed in");
            }
            return roles.contains(StaffRole.ADMINISTRATOR) || roles.contains(StaffRole.DEVELOPER) ? Optional.empty()
                : Optional.of("the role of " + username + " may only look");
        }

        @Override
        public Optional<String> refusalToAdminister() {
            if (!enabled()) {
                return Optional.of("no enabled staff member is signed in");
            }
            return administrator() ? Optional.empty() : Optional.of(username + " is no administrator");
        }

        @Override
        public Optional<String> refusalToOperate() {
            if (!enabled()) {
                return Optional.of("no enabled staff member is signed in");
            }
            if (!operator()) {
                return Optional.of(username + " belongs to one merchant and is no operator");
            }
            Optional<String> noChange = refusalToChange();
            if (noChange.isPresent()) {
                return noChange;
            }
            if (!secondFactorEnrolled) {
                return Optional.of(username + " has no second factor set up");
            }
            return secondFactorVerifiedAt.isPresent() ? Optional.empty()
                : Optional.of("the second factor of " + username + " was not passed in this session");
        }
    }
}
