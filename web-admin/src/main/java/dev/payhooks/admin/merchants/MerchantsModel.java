package dev.payhooks.admin.merchants;

import dev.payhooks.admin.ConsoleModel;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Option;
import dev.payhooks.application.access.Caller;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.application.merchants.ManageMerchants;
import dev.payhooks.application.merchants.ManageSaleorApiUrls;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.saleor.AssignedSaleorApiUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * The Merchants view's and the merchant switcher's model, for operator staff. {@link ManageMerchants}
 * decides every change (an enabled operator whose role changes configuration, with the second
 * factor passed in the session); its refusal reads as {@link NotAllowed}. The merchant the console
 * acts for is the session's choice as far as the handlers' caller allows it.
 */
@ApplicationScoped
@Transactional
public class MerchantsModel extends ConsoleModel {

    static final String OPERATORS_ONLY = "Only operators manage merchants.";

    @Inject
    ManageMerchants manage;

    @Inject
    ManageSaleorApiUrls saleorApiUrls;

    /** Whether the signed-in member is an operator (the view and the switcher show only a note otherwise). */
    public boolean operator() {
        return signedIn.caller().operator();
    }

    /** The merchants the signed-in member may switch to (empty for a member of one merchant). */
    public List<Option> actingChoices() {
        return manage.actingChoices(signedIn.caller()).stream()
            .map(m -> new Option(m.id(), m.enabled() ? m.name() : m.name() + " (disabled)")).toList();
    }

    /** The merchant the console acts for now. */
    public String actingFor() {
        return signedIn.merchantId();
    }

    /** Asks to act for {@code merchantId}; the caller the handlers see decides whether it may. */
    public void actFor(String merchantId) {
        signedIn.actFor(merchantId);
    }

    public List<MerchantRow> merchants() {
        Caller.Staff caller = signedIn.caller();
        Optional<String> installation = manage.actingChoices(caller).stream().findFirst().map(Merchant::id);
        return NotAllowed.mapping(OPERATORS_ONLY, () -> manage.list(caller)).stream()
            .map(m -> new MerchantRow(m.id(), m.name(), m.enabled(), m.createdAt(),
                installation.filter(m.id()::equals).isPresent(), m.id().equals(caller.merchantId())))
            .toList();
    }

    /** Adds a merchant (enabled, without keys); answers its id. */
    public String add(String name) {
        return NotAllowed.mapping(OPERATORS_ONLY, () -> manage.create(signedIn.caller(), name)).id();
    }

    public void enable(String merchantId, boolean enabled) {
        Caller.Staff caller = signedIn.caller();
        NotAllowed.mapping(OPERATORS_ONLY,
            () -> enabled ? manage.enable(caller, merchantId) : manage.disable(caller, merchantId));
    }

    /** Issues an API key for the merchant; its plaintext is shown this once. */
    public IssuedMerchantKey issueKey(String merchantId, String label) {
        Caller.Staff caller = signedIn.caller();
        ManageApiKeys.IssuedKey issued = NotAllowed.mapping(OPERATORS_ONLY, () -> manage.issueKey(caller, merchantId, label));
        String name = manage.get(caller, merchantId).name();
        return new IssuedMerchantKey(name, issued.key().label(), issued.plaintext());
    }

    /** The Saleor API URLs assigned to the merchant, ordered by URL. */
    public List<String> saleorApiUrls(String merchantId) {
        return NotAllowed.mapping(OPERATORS_ONLY, () -> saleorApiUrls.list(signedIn.caller(), merchantId)).stream()
            .map(AssignedSaleorApiUrl::apiUrl).toList();
    }

    /** Assigns a Saleor API URL to the merchant; answers the URL as stored (trimmed). */
    public String assignSaleorApiUrl(String merchantId, String apiUrl) {
        return NotAllowed.mapping(OPERATORS_ONLY, () -> saleorApiUrls.assign(signedIn.caller(), merchantId, apiUrl)).apiUrl();
    }

    public void unassignSaleorApiUrl(String merchantId, String apiUrl) {
        NotAllowed.mapping(OPERATORS_ONLY, () -> {
            saleorApiUrls.unassign(signedIn.caller(), merchantId, apiUrl);
            return null;
        });
    }
}
