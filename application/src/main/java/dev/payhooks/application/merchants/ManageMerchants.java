package dev.payhooks.application.merchants;

import dev.payhooks.application.access.Caller;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.port.IdGenerator;

import java.time.Clock;
import java.util.List;

/**
 * What an operator does with merchants: list them, add one, disable and enable one, and issue a
 * merchant's API key (its first, or a new one when the merchant lost theirs). Every method refuses
 * any caller but an operator: an operator key, or operator staff with a role that changes
 * configuration and the second factor passed in their session. Each change is recorded in the merchant's own audit trail, so its
 * staff see what the operator did. The caller owns the transaction.
 */
public record ManageMerchants(Merchants merchants, ManageApiKeys apiKeys, IdGenerator ids, Clock clock, AuditRecorder audit) {

    public List<Merchant> list(Caller caller) {
        caller.requireOperator();
        return merchants.all();
    }

    /**
     * The merchants a staff member may choose to act for: every one for an enabled operator (to
     * look at one needs no second factor, as with the merchant's own staff), none for anyone else,
     * who acts for their own merchant alone.
     */
    public List<Merchant> actingChoices(Caller.Staff caller) {
        return caller.operator() ? merchants.all() : List.of();
    }

    public Merchant get(Caller caller, String merchantId) {
        caller.requireOperator();
        return find(merchantId);
    }

    public Merchant create(Caller caller, String name) {
        caller.requireOperator();
        Merchant merchant = Merchant.register(ids.newId(), name, ids.randomToken(15), clock.instant());
        merchants.add(merchant);
        audit.record(merchant.id(), "merchant.created", subject(merchant), "");
        return merchant;
    }

    /**
     * Disables a merchant: its API keys are refused until it is enabled again. The installation's
     * own merchant, whom the console's staff act for, cannot be disabled.
     */
    public Merchant disable(Caller caller, String merchantId) {
        caller.requireOperator();
        if (merchants.installationMerchant().map(Merchant::id).filter(merchantId::equals).isPresent()) {
            throw new Conflict("merchant " + merchantId + " is the installation's own merchant, whom the console acts for;"
                + " it cannot be disabled");
        }
        return switchTo(false, merchantId);
    }

    public Merchant enable(Caller caller, String merchantId) {
        caller.requireOperator();
        return switchTo(true, merchantId);
    }

    /** Enables or disables the merchant; audited when it changes, nothing done when it is so already. */
    private Merchant switchTo(boolean enabled, String merchantId) {
        Merchant merchant = find(merchantId);
        if (merchant.enabled() != enabled) {
            if (enabled) {
                merchant.enable();
            } else {
                merchant.disable(clock.instant());
            }
            merchants.update(merchant);
            audit.record(merchant.id(), enabled ? "merchant.enabled" : "merchant.disabled", subject(merchant), "");
        }
        return merchant;
    }

    /** Issues an API key for an enabled merchant; the answer holds its plaintext, shown this once. */
    public ManageApiKeys.IssuedKey issueKey(Caller caller, String merchantId, String label) {
        caller.requireOperator();
        Merchant merchant = find(merchantId);
        if (!merchant.enabled()) {
            throw new Conflict("merchant " + merchantId + " is disabled; enable it before issuing it a key");
        }
        return apiKeys.issue(merchant.id(), label, apiKeys.generatedPlaintext());
    }

    private Merchant find(String merchantId) {
        return merchants.byId(merchantId).orElseThrow(() -> new NotFound("merchant '" + merchantId + "'"));
    }

    /** How audit entries name a merchant. */
    static String subject(Merchant merchant) {
        return "merchant " + merchant.name() + " (" + merchant.id() + ")";
    }
}
