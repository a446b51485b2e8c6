package dev.payhooks.application.channels;

import dev.payhooks.application.access.TestCallers;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.InMemoryChannels;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.merchant.SettingInput;
import dev.payhooks.domain.merchant.SettingInput.Flag;
import dev.payhooks.domain.merchant.SettingInput.Text;
import dev.payhooks.domain.merchant.SettingInput.TextList;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.FakeEndpointPolicy;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.application.channels.ManageChannels.ChannelDescription;
import dev.payhooks.domain.error.NotPermitted;
import org.junit.jupiter.api.Test;




import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManageChannelsTest {

    final InMemoryChannels channels = new InMemoryChannels();
    final FakeSecrets secrets = new FakeSecrets();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final FakeEndpointPolicy endpoints = new FakeEndpointPolicy("169.254.169.254", "evil.example");
    final ManageChannels manage = new ManageChannels(channels, secrets, new SequentialIds(), clock,
        audit.recorder(() -> Actor.apiKey("ERP", "key-0"), clock), endpoints);

    static Map<String, SettingInput> adyen() {
        Map<String, SettingInput> input = new HashMap<>();
        input.put("apiKey", new Text("AQE-adyen-api-key-0001"));
        input.put("merchantAccount", new Text("ShopJP"));
        input.put("clientKey", new Text("test_CLIENTKEY"));
        input.put("hmacKeys", new TextList(List.of("44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056")));
        input.put("notificationUsername", new Text("adyen-notify"));
        input.put("notificationPassword", new Text("notify-password-123"));
        return input;
    }

    @Test
    void opensAChannelAndRefusesASecondWithTheSameSlug() {
        manage.open(TestCallers.developer("m1"), new ChannelDescription("jp-store", "Japan", "JPY", "JP"));

        assertThrows(Conflict.class, () -> manage.open(TestCallers.developer("m1"), new ChannelDescription("jp-store", "Again", "JPY", "JP")));
        // another merchant may use the same slug
        manage.open(TestCallers.developer("m2"), new ChannelDescription("jp-store", "Other shop", "JPY", "JP"));
        assertEquals(1, manage.list("m1").size());
    }

    @ParameterizedTest
    @CsvSource({
        "'JP Store', Japan, JPY, JP, slug",
        "jp-store, '', JPY, JP, name",
        "jp-store, Japan, jpy, JP, currency",
        "jp-store, Japan, XYZ, JP, currency",
        "jp-store, Japan, JPY, jp, country",
        "jp-store, Japan, JPY, XX, country",
    })
    void invalidChannelFieldsAreNamed(String slug, String name, String currency, String country, String field) {
        InvalidField e = assertThrows(InvalidField.class, () -> manage.open(TestCallers.developer("m1"), new ChannelDescription(slug, name, currency, country)));

        assertEquals(field, e.field());
        assertTrue(manage.list("m1").isEmpty());
    }

    @Test
    void anotherMerchantsChannelIsNotFound() {
        manage.open(TestCallers.developer("m1"), new ChannelDescription("jp-store", "Japan", "JPY", "JP"));

        assertThrows(NotFound.class, () -> manage.get("m2", "jp-store"));
        assertThrows(NotFound.class, () -> manage.close(TestCallers.developer("m2"), "jp-store"));
    }

    @Test
    void describeChangesNothingWhenOneFieldIsInvalid() {
        manage.open(TestCallers.developer("m1"), new ChannelDescription("jp-store", "Japan", "JPY", "JP"));

        assertThrows(InvalidField.class, () -> manage.describe(TestCallers.developer("m1"), "jp-store", new ChannelDescription(null, "Nihon", "EUR", "ZZ")));

        Channel channel = manage.get("m1", "jp-store");
        assertEquals("Japan", channel.name());
        assertEquals("JPY", channel.currency());
    }

    @Test
    void providerSecretsAreSealedAndShownMasked() {
        manage.open(TestCallers.developer("m1"), new ChannelDescription("jp-store", "Japan", "JPY", "JP"));

        Channel channel = manage.configureProvider(TestCallers.developer("m1"), "jp-store", ProviderId.ADYEN, adyen());

        ProviderSettings settings = channel.provider(ProviderId.ADYEN).orElseThrow();
        assertFalse(settings.values().containsKey("apiKey"), "secrets are never plain values");
        assertTrue(settings.secret("apiKey").orElseThrow().value().startsWith("fake:provider-settings/adyen/apiKey:"));
        assertEquals("TEST", settings.value("environment").orElseThrow(), "default filled in");
        assertTrue(settings.endpointKey().isPresent(), "Adyen notifies the hub");

        Map<String, Object> shown = manage.displayed(settings);
        assertEquals("••••0001", shown.get("apiKey"));
        assertEquals(List.of("••••A056"), shown.get("hmacKeys"));
        assertEquals("ShopJP", shown.get("merchantAccount"));
    }

    @Test
    void omittedSecretsKeepTheirValueOnReconfiguration() {
        manage.open(TestCallers.developer("m1"), new ChannelDescription("jp-store", "Japan", "JPY", "JP"));
        Channel first = manage.configureProvider(TestCallers.developer("m1"), "jp-store", ProviderId.ADYEN, adyen());
        String endpointKey = first.provider(ProviderId.ADYEN).orElseThrow().endpointKey().orElseThrow();

        Map<String, SettingInput> change = new HashMap<>(adyen());
        change.remove("apiKey");
        change.remove("hmacKeys");
        change.remove("notificationPassword");
        change.put("merchantAccount", new Text("ShopJP2"));
        ProviderSettings after = manage.configureProvider(TestCallers.developer("m1"), "jp-store", ProviderId.ADYEN, change)
            .provider(ProviderId.ADYEN).orElseThrow();

        assertEquals("ShopJP2", after.value("merchantAccount").orElseThrow());
        assertEquals("••••0001", manage.displayed(after).get("apiKey"));
        assertEquals(endpointKey, after.endpointKey().orElseThrow(), "the notification URL stays the same");
    }

    @Test
    void everyChangeIsAuditedAsTheCurrentActorWithFieldNamesButNoSecretAndARefusedOneNotAtAll() {
        manage.open(TestCallers.developer("m1"), new ChannelDescription("jp-store", "Japan", "JPY", "JP"));
        manage.configureProvider(TestCallers.developer("m1"), "jp-store", ProviderId.ADYEN, adyen());
        Map<String, SettingInput> change = new HashMap<>(adyen());
        change.remove("hmacKeys");
        change.remove("notificationPassword");
        change.put("merchantAccount", new Text("ShopJP2"));
        manage.configureProvider(TestCallers.developer("m1"), "jp-store", ProviderId.ADYEN, change);
        assertThrows(InvalidField.class, () -> manage.describe(TestCallers.developer("m1"), "jp-store", new ChannelDescription(null, "", "JPY", "JP")));
        manage.removeProvider(TestCallers.developer("m1"), "jp-store", ProviderId.ADYEN);
        manage.close(TestCallers.developer("m1"), "jp-store");

        assertEquals(List.of("channel.opened", "channel.provider.configured", "channel.provider.changed",
            "channel.provider.removed", "channel.closed"), audit.all().stream().map(AuditEntry::action).toList());
        AuditEntry changed = audit.all().get(2);
        assertEquals("m1", changed.merchantId());
        assertEquals("ERP (key-0)", changed.actor());
        assertEquals(Actor.Source.API, changed.source());
        assertEquals("channel jp-store / Adyen", changed.subject());
        assertEquals("settings changed: merchantAccount; secrets replaced: apiKey", changed.detail());
        assertTrue(audit.all().stream().noneMatch(e -> e.detail().contains("0001")), "no secret value");
    }

    @ParameterizedTest
    @CsvSource({
        "apiKey, missing, apiKey: is required",
        "environment, PROD, 'environment: must be one of TEST, LIVE'",
        "apiBaseUrl, ftp://x, apiBaseUrl: must be an absolute http(s) URL",
        "apiBaseUrl, /relative, apiBaseUrl: must be an absolute http(s) URL",
        "colour, blue, colour: is not a setting of adyen",
        "merchantAccount, '  ', merchantAccount: must not be blank",
    })
    void invalidProviderSettingsAreNamedAndChangeNothing(String field, String value, String message) {
        manage.open(TestCallers.developer("m1"), new ChannelDescription("jp-store", "Japan", "JPY", "JP"));
        Map<String, SettingInput> input = new HashMap<>(adyen());
        if ("missing".equals(value)) {
            input.remove(field);
        } else {
            input.put(field, new Text(value));
        }

        InvalidField e = assertThrows(InvalidField.class, () -> manage.configureProvider(TestCallers.developer("m1"), "jp-store", ProviderId.ADYEN, input));

        assertEquals(message, e.getMessage());
        assertTrue(manage.get("m1", "jp-store").provider(ProviderId.ADYEN).isEmpty());
    }

    /**
     * The hub sends the merchant's provider credentials to a provider's API URL: a URL the endpoint
     * policy refuses is an invalid field (its name in the error), and nothing is stored or audited,
     * neither on a first configuration nor over a stored one.
     */
    @ParameterizedTest
    @CsvSource({
        "ADYEN, apiBaseUrl, http://169.254.169.254/latest/meta-data/",
        "NP_ATOBARAI, apiBaseUrl, https://evil.example/v1/",
        "WALLEY, authBaseUrl, https://evil.example",
        "WALLEY, apiBaseUrl, http://169.254.169.254",
        "ANNANOW, apiBaseUrl, https://evil.example/v1.0",
    })
    void aProviderUrlTheEndpointPolicyRefusesIsNamedAndNothingIsStored(ProviderId provider, String field, String url) {
        manage.open(TestCallers.developer("m1"), new ChannelDescription("jp-store", "Japan", "JPY", "JP"));
        Map<String, SettingInput> input = new HashMap<>(validSettings(provider));
        input.put(field, new Text(url));
        int audited = audit.all().size();

        InvalidField e = assertThrows(InvalidField.class, () -> manage.configureProvider(TestCallers.developer("m1"), "jp-store", provider, input));

        assertEquals(field, e.field());
        assertTrue(endpoints.checked().contains(provider.slug() + " " + field + " " + url), endpoints.checked().toString());
        assertTrue(manage.get("m1", "jp-store").provider(provider).isEmpty());
        assertEquals(audited, audit.all().size());
        // the credentials check tests the same candidate: refused the same way
        assertEquals(field, assertThrows(InvalidField.class,
            () -> manage.candidateSettings(TestCallers.developer("m1"), "jp-store", provider, input)).field());

        // over stored settings, the refused URL replaces nothing
        manage.configureProvider(TestCallers.developer("m1"), "jp-store", provider, validSettings(provider));
        ProviderSettings stored = manage.providerSettings("m1", "jp-store", provider);
        assertThrows(InvalidField.class, () -> manage.configureProvider(TestCallers.developer("m1"), "jp-store", provider, input));
        assertEquals(stored.value(field), manage.providerSettings("m1", "jp-store", provider).value(field));
    }

    static Map<String, SettingInput> validSettings(ProviderId provider) {
        Map<String, SettingInput> input = new HashMap<>();
        switch (provider) {
            case ADYEN -> input.putAll(adyen());
            case NP_ATOBARAI -> {
                input.put("merchantCode", new Text("merchant-1"));
                input.put("secretSpCode", new Text("sp-secret-1"));
                input.put("terminalId", new Text("terminal-1"));
                input.put("shippingCompanyCode", new Text("50000"));
            }
            case WALLEY -> {
                input.put("clientId", new Text("client"));
                input.put("clientSecret", new Text("client-secret"));
                input.put("scope", new Text("scope/.default"));
                input.put("authBaseUrl", new Text("https://api.uat.walleydev.com"));
                input.put("apiBaseUrl", new Text("https://api.uat.walleydev.com"));
                input.put("webhookUsername", new Text("walley"));
                input.put("webhookPassword", new Text("walley-password"));
            }
            case ANNANOW -> {
                input.put("instance", new Text("shop"));
                input.put("apiSecret", new Text("annanow-secret"));
            }
        }
        return input;
    }

    @Test
    void wrongJsonKindsAreNamed() {
        manage.open(TestCallers.developer("m1"), new ChannelDescription("jp-store", "Japan", "JPY", "JP"));
        Map<String, SettingInput> input = new HashMap<>(adyen());
        input.put("merchantAccount", new Flag(true));
        assertEquals("merchantAccount: must be a string, not a boolean",
            assertThrows(InvalidField.class, () -> manage.configureProvider(TestCallers.developer("m1"), "jp-store", ProviderId.ADYEN, input)).getMessage());

        input.put("merchantAccount", new Text("ShopJP"));
        input.put("hmacKeys", new Text("single"));
        assertEquals("hmacKeys: must be a list of strings, not a string",
            assertThrows(InvalidField.class, () -> manage.configureProvider(TestCallers.developer("m1"), "jp-store", ProviderId.ADYEN, input)).getMessage());

        input.put("hmacKeys", new TextList(List.of()));
        assertEquals("hmacKeys: must hold 1 to 5 values",
            assertThrows(InvalidField.class, () -> manage.configureProvider(TestCallers.developer("m1"), "jp-store", ProviderId.ADYEN, input)).getMessage());
    }

    @Test
    void npAtobaraiHasNoNotificationUrlAndFlagsAreBooleans() {
        manage.open(TestCallers.developer("m1"), new ChannelDescription("jp-store", "Japan", "JPY", "JP"));
        Map<String, SettingInput> np = Map.of(
            "merchantCode", new Text("M001"), "secretSpCode", new Text("sp-code"), "terminalId", new Text("T01"),
            "shippingCompanyCode", new Text("50000"), "skuAsName", new Flag(true));

        ProviderSettings settings = manage.configureProvider(TestCallers.developer("m1"), "jp-store", ProviderId.NP_ATOBARAI, np)
            .provider(ProviderId.NP_ATOBARAI).orElseThrow();

        assertTrue(settings.endpointKey().isEmpty());
        Map<String, Object> shown = manage.displayed(settings);
        assertEquals(Boolean.TRUE, shown.get("skuAsName"));
        assertEquals("••••", shown.get("secretSpCode"), "short secrets show nothing");
        assertEquals("sandbox", shown.get("environment"));
    }

    @Test
    void removingAProviderThatIsNotThereIsNotFound() {
        manage.open(TestCallers.developer("m1"), new ChannelDescription("jp-store", "Japan", "JPY", "JP"));
        manage.configureProvider(TestCallers.developer("m1"), "jp-store", ProviderId.ADYEN, adyen());

        manage.removeProvider(TestCallers.developer("m1"), "jp-store", ProviderId.ADYEN);

        assertThrows(NotFound.class, () -> manage.removeProvider(TestCallers.developer("m1"), "jp-store", ProviderId.ADYEN));
    }

    @Test
    void viewersOpenConfigureCheckAndRemoveNothing() {
        manage.open(TestCallers.developer("m1"), new ChannelDescription("jp-store", "Japan", "JPY", "JP"));

        assertThrows(NotPermitted.class, () -> manage.open(TestCallers.viewer("m1"), new ChannelDescription("other", "Other", "JPY", "JP")));
        assertThrows(NotPermitted.class, () -> manage.configureProvider(TestCallers.viewer("m1"), "jp-store", ProviderId.ADYEN, adyen()));
        assertThrows(NotPermitted.class, () -> manage.candidateSettings(TestCallers.viewer("m1"), "jp-store", ProviderId.ADYEN, adyen()));
        assertThrows(NotPermitted.class, () -> manage.removeProvider(TestCallers.viewer("m1"), "jp-store", ProviderId.ADYEN));
        assertThrows(NotPermitted.class, () -> manage.close(TestCallers.viewer("m1"), "jp-store"));
        assertEquals(1, manage.list("m1").size());
        assertTrue(manage.get("m1", "jp-store").providers().isEmpty());
    }
}
