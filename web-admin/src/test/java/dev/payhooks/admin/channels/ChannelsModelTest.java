package dev.payhooks.admin.channels;

import dev.payhooks.admin.ConsoleFixture;
import dev.payhooks.admin.NotAllowed;

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
import dev.payhooks.domain.outbound.InMemoryAsymmetricSigningKeys;
import dev.payhooks.domain.outbound.InMemorySignatureKeys;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.RandomBytes;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.application.channels.ManageChannels;
import dev.payhooks.application.webhooks.ManageAsymmetricSigningKeys;
import dev.payhooks.application.webhooks.ManageSignatureKeys;
import dev.payhooks.application.channels.ManageSaleorInstallations;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.saleor.InMemorySaleorInstallations;
import dev.payhooks.domain.saleor.SaleorInstallation;
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

/** Channels, provider settings, API keys and the Signature Key through the model, each change audited without secrets. */
class ChannelsModelTest {

    static final String API = "https://hub.example/api/";

    final ConsoleFixture console = new ConsoleFixture(Instant.parse("2026-11-23T10:00:00Z"));
    final SteppingClock clock = console.clock;
    final FakeSecrets secrets = new FakeSecrets();
    final SequentialIds ids = new SequentialIds();
    final InMemoryChannels channels = new InMemoryChannels();
    final InMemoryApiKeys apiKeys = new InMemoryApiKeys();
    final InMemorySignatureKeys signatureKeys = new InMemorySignatureKeys();
    final InMemorySaleorInstallations installations = new InMemorySaleorInstallations();
    final InMemoryAuditTrail audit = console.audit;
    final ManageSignatureKeys manageSignatureKeys = new ManageSignatureKeys(signatureKeys, secrets, RandomBytes.secure(), clock,
        console.recorder);
    final ChannelsModel model = new ChannelsModel();
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

    ChannelsModelTest() {
        console.signIn("dev", "DEVELOPER");
        console.withSignedIn(model);
        model.manageChannels = new ManageChannels(channels, secrets, ids, clock, console.recorder,
            (provider, field, url) -> { });
        model.manageApiKeys = new ManageApiKeys(apiKeys, secrets, ids, clock, console.recorder);
        model.signatureKeys = manageSignatureKeys;
        model.asymmetricKeys = new ManageAsymmetricSigningKeys(new InMemoryAsymmetricSigningKeys(), secrets, clock,
            console.recorder);
        model.manageSaleorInstallations = new ManageSaleorInstallations(installations, console.recorder);
        model.publicUrl = dev.payhooks.domain.hub.PublicUrl.of(Optional.empty(), false);
        model.credentialsChecks = new ProviderCredentialsChecks(List.of(npCheck));
        model.openChannel(new ChannelDraft("jp", "Japan", "JPY", "JP"));
    }

    @Test
    void testCredentialsAsksTheProviderWithTheFormOrTheStoredSecretAndSavesNothing() {
        assertTrue(model.canTestCredentials("np-atobarai"));
        assertFalse(model.canTestCredentials("adyen"));

        assertEquals(new CredentialsCheckResult(false, "NP Atobarai refused the credentials (HTTP 401)"),
            model.testCredentials("jp", "np-atobarai", npForm("wrong-sp-code")));
        assertTrue(channels.bySlug("m-1", "jp").orElseThrow().provider(ProviderId.NP_ATOBARAI).isEmpty(), "nothing saved");
        assertEquals(List.of("channel.opened"), audit.all().stream().map(AuditEntry::action).toList(), "nothing audited");

        model.configureProvider("jp", "np-atobarai", npForm("good-sp-code"), API);
        assertTrue(model.testCredentials("jp", "np-atobarai", npForm("")).accepted(), "an empty secret field means the stored one");
        assertEquals(List.of("wrong-sp-code", "good-sp-code"), spCodesAsked);

        assertEquals("terminalId", assertThrows(InvalidField.class, () -> {
            Map<String, String> form = npForm("");
            form.put("terminalId", "");
            model.testCredentials("jp", "np-atobarai", form);
        }).field(), "the fields are checked first, as on save");
        assertEquals("provider", assertThrows(InvalidField.class,
            () -> model.testCredentials("jp", "adyen", Map.of())).field());
        console.signIn("viewer", "VIEWER");
        assertThrows(NotAllowed.class, () -> model.testCredentials("jp", "np-atobarai", npForm("")));
        assertEquals(List.of("wrong-sp-code", "good-sp-code"), spCodesAsked, "a viewer's check never reaches the provider");
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
        ProviderConfiguration empty = model.providerConfiguration("jp", "np-atobarai", API);
        assertFalse(empty.configured());
        assertEquals(List.of("merchantCode", "secretSpCode", "terminalId", "shippingCompanyCode", "skuAsName", "environment",
            "apiBaseUrl"), empty.settings().stream().map(ProviderConfiguration.Setting::name).toList());
        assertEquals("sandbox", setting(empty, "environment").value(), "defaults prefill a new configuration");

        ProviderConfiguration saved = model.configureProvider("jp", "np-atobarai", npForm("sp-code-1234567890"), API);

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
        model.configureProvider("jp", "np-atobarai", npForm("sp-code-1234567890"), API);
        Map<String, String> edit = npForm("");
        edit.put("terminalId", "T-2");

        model.configureProvider("jp", "np-atobarai", edit, API);

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

        ProviderConfiguration saved = model.configureProvider("jp", "adyen", adyen, API);

        String key = channels.bySlug("m-1", "jp").orElseThrow().provider(ProviderId.ADYEN).orElseThrow().endpointKey().orElseThrow();
        assertEquals(API + "notifications/adyen/" + key, saved.notificationUrl());
        assertEquals("••••EB0C, ••••EB0D", setting(saved, "hmacKeys").value());
        model.publicUrl = dev.payhooks.domain.hub.PublicUrl.of(Optional.of("https://payhooks.shop.example/"), false);
        assertEquals("https://payhooks.shop.example/api/notifications/adyen/" + key,
            model.providerConfiguration("jp", "adyen", API).notificationUrl());
    }

    @Test
    void theDomainNamesTheBadFieldAndNothingIsStoredOrAudited() {
        int before = audit.all().size();
        Map<String, String> form = npForm("sp-code-1234567890");
        form.put("apiBaseUrl", "ftp://np.example");

        InvalidField invalid = assertThrows(InvalidField.class, () -> model.configureProvider("jp", "np-atobarai", form, API));

        assertEquals("apiBaseUrl", invalid.field());
        assertTrue(channels.bySlug("m-1", "jp").orElseThrow().provider(ProviderId.NP_ATOBARAI).isEmpty());
        assertEquals(before, audit.all().size());
        assertEquals("provider", assertThrows(InvalidField.class,
            () -> model.providerConfiguration("jp", "paypal", API)).field());
    }

    @Test
    void apiKeysAreShownOnceThenOnlyMaskedToTheLastFourAndRevokedWithAnAuditEntry() {
        IssuedApiKey issued = model.issueApiKey("ERP");
        assertEquals("phk_••••" + issued.plaintext().substring(issued.plaintext().length() - 4), issued.key().displayPrefix());
        assertFalse(issued.toString().contains(issued.plaintext()));
        assertEquals(List.of(issued.key()), model.apiKeys());

        ApiKeyRow revoked = model.revokeApiKey(issued.key().id());

        assertFalse(revoked.active());
        assertEquals(List.of("channel.opened", "api-key.issued", "api-key.revoked"),
            audit.all().stream().map(AuditEntry::action).toList());
        assertTrue(audit.all().stream().noneMatch(e -> e.detail().contains(issued.plaintext())
            || e.subject().contains(issued.plaintext())));
    }


    @Test
    void rotatingTheSignatureKeyMakesOneFirstThenReplacesIt() {
        model.rotateSignatureKey();
        String first = manageSignatureKeys.reveal(console.developer()).reveal();
        model.rotateSignatureKey();
        assertNotEquals(first, manageSignatureKeys.reveal(console.developer()).reveal());
        // the test's own reveals go through the use case, so they are audited too
        assertEquals(List.of("channel.opened", "signature-key.created", "signature-key.revealed", "signature-key.rotated",
                "signature-key.revealed"),
            audit.all().stream().map(AuditEntry::action).toList());
    }

    @Test
    void theEd25519KeyIsShownWithItsKeySetUrlAndRotated() {
        assertTrue(model.ed25519Key(API).isEmpty(), "none until a webhook signs with it or staff rotate");

        model.rotateEd25519Key();
        Ed25519Key first = model.ed25519Key(API).orElseThrow();
        model.rotateEd25519Key();
        Ed25519Key second = model.ed25519Key(API).orElseThrow();

        assertEquals(API + "webhook-keys/m-1/jwks.json", first.jwksUrl());
        assertNotEquals(first.keyId(), second.keyId());
        assertEquals(List.of("ed25519-key.created", "ed25519-key.rotated"), audit.all().stream().map(AuditEntry::action)
            .filter(action -> action.startsWith("ed25519")).toList());
        console.signIn("viewer", "VIEWER");
        assertEquals(second, model.ed25519Key(API).orElseThrow(), "a viewer may look: nothing of it is secret");
        assertThrows(NotAllowed.class, () -> model.rotateEd25519Key());
        assertEquals(second, model.ed25519Key(API).orElseThrow());
    }

    @Test
    void viewersChangeNothing() {
        console.signIn("viewer", "VIEWER");
        assertThrows(NotAllowed.class, () -> model.openChannel(new ChannelDraft("eu", "Europe", "EUR", "DE")));
        assertThrows(NotAllowed.class, () -> model.configureProvider("jp", "np-atobarai", npForm("x"), API));
        assertThrows(NotAllowed.class, () -> model.removeProvider("jp", "np-atobarai"));
        assertThrows(NotAllowed.class, () -> model.issueApiKey("x"));
        assertThrows(NotAllowed.class, () -> model.rotateSignatureKey());
        assertEquals(1, model.channels().size());
        assertEquals(1, audit.all().size());
    }

    @Test
    void onlyAdministratorsRemoveASaleorInstallation() {
        SaleorInstallation installation = SaleorInstallation.install("https://a.example/graphql/", ProviderId.NP_ATOBARAI, "m-1",
            "QXBwOjE0", new SealedSecret("sealed"), "{\"keys\":[]}", clock.instant());
        installations.add(installation);

        assertFalse(model.mayRemoveSaleorInstallations());
        assertEquals("Only administrators remove Saleor installations.",
            assertThrows(NotAllowed.class, () -> model.removeSaleorInstallation(installation.id())).getMessage());
        assertEquals(1, model.saleorInstallations().size());

        console.signIn("dev", "ADMINISTRATOR");
        model.removeSaleorInstallation(installation.id());
        assertTrue(model.saleorInstallations().isEmpty());
    }

    private static ProviderConfiguration.Setting setting(ProviderConfiguration c, String name) {
        return c.settings().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
