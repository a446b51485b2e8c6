package dev.payhooks.application.access;

import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.domain.staff.StaffUsers;

import java.time.Instant;
import java.util.Optional;

/**
 * The console's callers: the signed-in staff member as stored now (a disabled or demoted member's
 * open session loses its rights at once, and so do the staff of a merchant an operator disabled),
 * acting for a merchant. A member of one merchant always
 * acts for that merchant, whatever their session asks for; an enabled operator acts for the merchant
 * their session asks for if it exists, otherwise for the installation's merchant (the oldest one;
 * Payhooks creates it at first start).
 */
public record StaffCallers(StaffUsers users, Merchants merchants) {

    /**
     * {@code username} as stored now, with when their session last passed the second factor,
     * acting for {@code requestedMerchant} if they may (see the class comment).
     */
    public Caller.Staff staff(String username, Optional<Instant> secondFactorVerifiedAt, Optional<String> requestedMerchant) {
        String name = StaffUser.normalizeUsername(username);
        Optional<StaffUser> stored = name == null || name.isEmpty() ? Optional.empty() : users.withUsername(name);
        String merchant = merchantFor(stored, requestedMerchant);
        if (stored.flatMap(StaffUser::merchantId).isPresent() && merchants.byId(merchant).filter(Merchant::enabled).isEmpty()) {
            stored = Optional.empty(); // a disabled merchant's staff have no rights, like its API keys
        }
        return Caller.Staff.of(username, stored, secondFactorVerifiedAt, merchant);
    }

    private String merchantFor(Optional<StaffUser> stored, Optional<String> requested) {
        Optional<String> own = stored.flatMap(StaffUser::merchantId);
        if (own.isPresent()) {
            return own.get();
        }
        boolean enabledOperator = stored.filter(StaffUser::enabled).filter(StaffUser::operator).isPresent();
        Optional<String> chosen = enabledOperator && requested != null
            ? requested.filter(id -> !id.isBlank()).flatMap(merchants::byId).map(Merchant::id)
            : Optional.empty();
        return chosen.orElseGet(this::installationMerchant);
    }

    private String installationMerchant() {
        return merchants.installationMerchant()
            .orElseThrow(() -> new NotFound("merchant (none is set up yet)")).id();
    }
}
