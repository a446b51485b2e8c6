package dev.payhooks.admin.facade;

import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.provider.ProviderCredentialsCheck;
import dev.payhooks.domain.provider.ProviderCredentialsChecks;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.merchant.InMemoryApiKeys;
import dev.payhooks.domain.merchant.InMemoryChannels;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.outbound.InMemorySignatureKeys;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.RandomBytes;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.application.channels.ManageChannels;
import dev.payhooks.application.webhooks.ManageSignatureKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Channels, provider settings, API keys and the Signature Key through the facade, each change audited without secrets. */
class ChannelsFacadeTest {

    static final String API = "https://hub.example/api/";

    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T10:00:00Z"));
    final FakeSecrets secrets = new FakeSecrets();
    final SequentialIds ids = new SequentialIds();
    final InMemoryChannels channels = new InMemoryChannels();
    final InMemoryApiKeys apiKeys = new InMemoryApiKeys();
    final InMemorySignatureKeys signatureKeys = new InMemorySignatureKeys();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final ManageSignatureKeys manageSignatureKeys = new ManageSignatureKeys(signatureKeys, secrets, RandomBytes.secure(), clock,
        audit.recorder(() -> Actor.staff(this.facade.caller()), clock));
    final AdminFacade facade = new AdminFacade();
    final List<String> spCodesAsked = new java.util.ArrayList<>();
    /** Plays NP: accepts the SP code "good-sp-code", remembers every SP code it was asked with. */
    final ProviderCredentialsCheck npCheck = new ProviderCredentialsCheck() {
        @Override
        public ProviderId provider() {
            return ProviderId.NP_ATOBARAI;
        }

        @Override
        public Result check(ProviderSettings settings) {
            String sp = secrets.open(settings.secret("secretSpCode").orElseThrow(),
                ProviderSettings.secretContext(ProviderId.NP_ATOBARAI, "secretSpCode"));
            spCodesAsked.add(sp);
            return "good-sp-code".equals(sp) ? Result.accepted("accepted") : Result.refused("NP Atobarai refused the credentials (HTTP 401)");
        }
    };

    ChannelsFacadeTest() {
        InMemoryMerchants merchants = new InMemoryMerchants();
        merchants.add(Merchant.register("m-1", "Default merchant", "7qwnw4j2kmqvrb3", clock.instant()));
        AdminFacadeTest.signIn(facade, "dev", "DEVELOPER");
        facade.merchants = merchants;
        facade.apiKeys = apiKeys;
        facade.auditRecorder = audit.recorder(() -> Actor.staff(facade.caller()), clock);
        facade.manageChannels = new ManageChannels(channels, secrets, ids, clock, facade.auditRecorder,
            (provider, field, url) -> { });
        facade.manageApiKeys = new ManageApiKeys(apiKeys, secrets, ids, clock, facade.auditRecorder);
        facade.signatureKeys = manageSignatureKeys;
        facade.audit = audit;
        facade.ids = ids;
        facade.clock = clock;
        facade.publicUrl = dev.payhooks.domain.hub.PublicUrl.of(Optional.empty(), false);
        facade.credentialsChecks = new ProviderCredentialsChecks(List.of(npCheck));
        facade.openChannel(new ChannelDraft("jp", "Japan", "JPY", "JP"));
    }

    @Test
    void testCredentialsAsksTheProviderWithTheFormOrTheStoredSecretAndSavesNothing() {
        assertTrue(facade.canTestCredentials("np-atobarai"));
        assertFalse(facade.canTestCredentials("adyen"));

        assertEquals(new CredentialsCheckResult(false, "NP Atobarai refused the credentials (HTTP 401)"),
            facade.testCredentials("jp", "np-atobarai", npForm("wrong-sp-code")));
        assertTrue(channels.bySlug("m-1", "jp").orElseThrow().provider(ProviderId.NP_ATOBARAI).isEmpty(), "nothing saved");
        assertEquals(List.of("channel.opened"), audit.all().stream().map(AuditEntry::action).toList(), "nothing audited");

        facade.configureProvider("jp", "np-atobarai", npForm("good-sp-code"), API);
        assertTrue(facade.testCredentials("jp", "np-atobarai", npForm("")).accepted(), "an empty secret field means the stored one");
        assertEquals(List.of("wrong-sp-code", "good-sp-code"), spCodesAsked);

        assertEquals("terminalId", assertThrows(InvalidField.class, () -> {
            Map<String, String> form = npForm("");
            form.put("terminalId", "");
            facade.testCredentials("jp", "np-atobarai", form);
        }).field(), "the fields are checked first, as on save");
        assertEquals("provider", assertThrows(InvalidField.class,
            () -> facade.testCredentials("jp", "adyen", Map.of())).field());
        AdminFacadeTest.signIn(facade, "viewer", "VIEWER");
        assertThrows(NotAllowed.class, () -> facade.testCredentials("jp", "np-atobarai", npForm("")));
    }

    static Map<String, String> npForm(String secret) {
        Map<String, String> form = new HashMap<>();
        form.put("merchantCode", "M-100");
        form.put("secretSpCode", secret);
        form.put("terminalId", "T-1");
        form.put("shippingCompanyCode", "50000");
        form.put("skuAsName", "true");
        form.put("environment", "sandbox");
        form.put("apiBaseUrl", "");
        return form;
    }

    @Test
    void providerSettingsAreSavedWithTheSecretSealedShownMaskedAndAudited() {
        ProviderConfiguration empty = facade.providerConfiguration("jp", "np-atobarai", API);
        assertFalse(empty.configured());
        assertEquals(List.of("merchantCode", "secretSpCode", "terminalId", "shippingCompanyCode", "skuAsName", "environment",
            "apiBaseUrl"), empty.settings().stream().map(ProviderConfiguration.Setting::name).toList());
        assertEquals("sandbox", setting(empty, "environment").value(), "defaults prefill a new configuration");

        ProviderConfiguration saved = facade.configureProvider("jp", "np-atobarai", npForm("sp-code-1234567890"), API);

        ProviderSettings stored = channels.bySlug("m-1", "jp").orElseThrow().provider(ProviderId.NP_ATOBARAI).orElseThrow();
        assertEquals("sp-code-1234567890", secrets.open(stored.secret("secretSpCode").orElseThrow(),
            ProviderSettings.secretContext(ProviderId.NP_ATOBARAI, "secretSpCode")));
        assertEquals(Optional.of("true"), stored.value("skuAsName"));
        assertEquals(Optional.empty(), stored.value("apiBaseUrl"), "a blank optional field is left out");
        ProviderConfiguration.Setting secret = setting(saved, "secretSpCode");
        assertTrue(secret.secret());
        assertTrue(secret.stored());
        assertEquals("••••7890", secret.value(), "only a mask leaves the server");
        assertEquals("", saved.notificationUrl(), "NP Atobarai does not call the hub");

        AuditEntry entry = audit.all().get(audit.all().size() - 1);
        assertEquals("channel.provider.configured", entry.action());
        assertEquals("channel jp / NP Atobarai", entry.subject());
        assertTrue(entry.detail().endsWith("secrets replaced: secretSpCode"), entry.detail());
        assertFalse(entry.detail().contains("sp-code-1234567890"));
    }

    @Test
    void aBlankSecretKeepsTheStoredOneAndTheAuditNamesOnlyWhatChanged() {
        facade.configureProvider("jp", "np-atobarai", npForm("sp-code-1234567890"), API);
        Map<String, String> edit = npForm("");
        edit.put("terminalId", "T-2");

        facade.configureProvider("jp", "np-atobarai", edit, API);

        ProviderSettings stored = channels.bySlug("m-1", "jp").orElseThrow().provider(ProviderId.NP_ATOBARAI).orElseThrow();
        assertEquals("sp-code-1234567890", secrets.open(stored.secret("secretSpCode").orElseThrow(),
            ProviderSettings.secretContext(ProviderId.NP_ATOBARAI, "secretSpCode")));
        AuditEntry entry = audit.all().get(audit.all().size() - 1);
        assertEquals("channel.provider.changed", entry.action());
        assertEquals("settings changed: terminalId; secrets replaced: none", entry.detail());
    }

    @Test
    void notifyingProvidersGetANotificationUrlAndSecretListsTakeOneValuePerLine() {
        Map<String, String> adyen = new HashMap<>(Map.of("apiKey", "AQE-api-key-123456", "merchantAccount", "ShopECOM",
            "clientKey", "test_CLIENT", "hmacKeys", "44782DEF547AAA06C910C43932B1EB0C\n 55782DEF547AAA06C910C43932B1EB0D \n",
            "notificationUsername", "adyen", "notificationPassword", "pw-123456789012"));

        ProviderConfiguration saved = facade.configureProvider("jp", "adyen", adyen, API);

        String key = channels.bySlug("m-1", "jp").orElseThrow().provider(ProviderId.ADYEN).orElseThrow().endpointKey().orElseThrow();
        assertEquals(API + "notifications/adyen/" + key, saved.notificationUrl());
        assertEquals("••••EB0C, ••••EB0D", setting(saved, "hmacKeys").value());
        facade.publicUrl = dev.payhooks.domain.hub.PublicUrl.of(Optional.of("https://payhooks.shop.example/"), false);
        assertEquals("https://payhooks.shop.example/api/notifications/adyen/" + key,
            facade.providerConfiguration("jp", "adyen", API).notificationUrl());
    }

    @Test
    void theDomainNamesTheBadFieldAndNothingIsStoredOrAudited() {
        int before = audit.all().size();
        Map<String, String> form = npForm("sp-code-1234567890");
        form.put("apiBaseUrl", "ftp://np.example");

        InvalidField invalid = assertThrows(InvalidField.class, () -> facade.configureProvider("jp", "np-atobarai", form, API));

        assertEquals("apiBaseUrl", invalid.field());
        assertTrue(channels.bySlug("m-1", "jp").orElseThrow().provider(ProviderId.NP_ATOBARAI).isEmpty());
        assertEquals(before, audit.all().size());
        assertEquals("provider", assertThrows(InvalidField.class,
            () -> facade.providerConfiguration("jp", "paypal", API)).field());
    }

    @Test
    void apiKeysAreShownOnceThenOnlyMaskedToTheLastFourAndRevokedWithAnAuditEntry() {
        IssuedApiKey issued = facade.issueApiKey("ERP");
        assertEquals("phk_••••" + issued.plaintext().substring(issued.plaintext().length() - 4), issued.key().displayPrefix());
        assertFalse(issued.toString().contains(issued.plaintext()));
        assertEquals(List.of(issued.key()), facade.apiKeys());

        ApiKeyRow revoked = facade.revokeApiKey(issued.key().id());

        assertFalse(revoked.active());
        assertEquals(List.of("channel.opened", "api-key.issued", "api-key.revoked"),
            audit.all().stream().map(AuditEntry::action).toList());
        assertTrue(audit.all().stream().noneMatch(e -> e.detail().contains(issued.plaintext())
            || e.subject().contains(issued.plaintext())));
    }

    private static final dev.payhooks.application.access.SecretReader DEVELOPER = new dev.payhooks.application.access.SecretReader.Staff(
        java.util.Optional.of(dev.payhooks.domain.staff.StaffUser.register("u-dev", "dev", "hash",
            java.util.Set.of(dev.payhooks.domain.staff.StaffRole.DEVELOPER), java.time.Instant.parse("2026-11-01T00:00:00Z"))));

    @Test
    void rotatingTheSignatureKeyMakesOneFirstThenReplacesIt() {
        facade.rotateSignatureKey();
        String first = manageSignatureKeys.reveal("m-1", DEVELOPER).reveal();
        facade.rotateSignatureKey();
        assertNotEquals(first, manageSignatureKeys.reveal("m-1", DEVELOPER).reveal());
        // the test's own reveals go through the use case, so they are audited too
        assertEquals(List.of("channel.opened", "signature-key.created", "signature-key.revealed", "signature-key.rotated",
                "signature-key.revealed"),
            audit.all().stream().map(AuditEntry::action).toList());
    }

    @Test
    void viewersChangeNothing() {
        AdminFacadeTest.signIn(facade, "viewer", "VIEWER");
        assertThrows(NotAllowed.class, () -> facade.openChannel(new ChannelDraft("eu", "Europe", "EUR", "DE")));
        assertThrows(NotAllowed.class, () -> facade.configureProvider("jp", "np-atobarai", npForm("x"), API));
        assertThrows(NotAllowed.class, () -> facade.removeProvider("jp", "np-atobarai"));
        assertThrows(NotAllowed.class, () -> facade.issueApiKey("x"));
        assertThrows(NotAllowed.class, () -> facade.rotateSignatureKey());
        assertEquals(1, facade.channels().size());
        assertEquals(1, audit.all().size());
    }

    @Test
    void theAuditTrailPagesNewestFirst() {
        for (int i = 0; i < 4; i++) {
            clock.advance(java.time.Duration.ofSeconds(1));
            facade.issueApiKey("key " + i);
        }
        AuditPage first = facade.auditEntries(Optional.empty(), 3);
        AuditPage rest = facade.auditEntries(first.next(), 3);
        assertEquals(List.of("api-key.issued", "api-key.issued", "api-key.issued"),
            first.rows().stream().map(AuditRow::action).toList());
        assertTrue(first.rows().get(0).subject().startsWith("API key key 3"));
        assertEquals(List.of("api-key.issued", "channel.opened"), rest.rows().stream().map(AuditRow::action).toList());
        assertTrue(rest.next().isEmpty());
    }

    private static ProviderConfiguration.Setting setting(ProviderConfiguration c, String name) {
        return c.settings().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
