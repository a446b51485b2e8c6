package dev.payhooks.application.webhooks;

import dev.payhooks.application.access.TestCallers;
import dev.payhooks.application.apikeys.ManageApiKeys;

import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.merchant.InMemoryApiKeys;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.InMemoryAsymmetricSigningKeys;
import dev.payhooks.domain.outbound.InMemorySignatureKeys;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.port.CountingRandomBytes;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.FakeUrlPolicy;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.application.webhooks.ManageSubscriptions.AuthenticationChange;
import dev.payhooks.application.webhooks.ManageSubscriptions.AuthenticationInput;
import dev.payhooks.application.webhooks.ManageSubscriptions.SubscriptionInput;
import dev.payhooks.domain.error.NotPermitted;
import org.junit.jupiter.api.Test;




import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManageSubscriptionsTest {

    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T12:00:00Z"));
    final SequentialIds ids = new SequentialIds();
    final FakeSecrets secrets = new FakeSecrets();
    final InMemoryWebhookSubscriptions subscriptions = new InMemoryWebhookSubscriptions();
    final InMemoryApiKeys apiKeys = new InMemoryApiKeys();
    final InMemorySignatureKeys signatureKeys = new InMemorySignatureKeys();
    final FakeUrlPolicy urlPolicy = new FakeUrlPolicy("internal.example");
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final AuditRecorder recorder = audit.recorder(() -> Actor.apiKey("ERP", "key-1"), clock);
    final ManageApiKeys manageApiKeys = new ManageApiKeys(apiKeys, secrets, ids, clock, recorder);
    final ManageSignatureKeys manageSignatureKeys = new ManageSignatureKeys(signatureKeys, secrets, new CountingRandomBytes(), clock,
        recorder);
    final InMemoryAsymmetricSigningKeys asymmetricKeys = new InMemoryAsymmetricSigningKeys();
    final ManageAsymmetricSigningKeys manageAsymmetricKeys = new ManageAsymmetricSigningKeys(asymmetricKeys, secrets, clock,
        recorder);
    final ManageSubscriptions manage = new ManageSubscriptions(subscriptions, apiKeys, manageSignatureKeys,
        manageAsymmetricKeys, urlPolicy,
        secrets, ids, clock, true, recorder);

    static SubscriptionInput input(Signature signature) {
        return new SubscriptionInput("Orders", "https://shop.example/hooks", List.of("transaction.sale.success"),
            signature, null, null, null);
    }

    @Test
    void createsASubscriptionWithSealedBasicCredentials() {
        WebhookSubscription s = manage.create(TestCallers.developer("m1"), new SubscriptionInput("Orders", "https://shop.example/hooks",
                List.of("transaction.sale.success", "transaction.chargeback"), new Signature.None(), 30, true, 5),
            new AuthenticationInput.Basic("hub", "s3cret-password"));

        assertEquals("m1", s.merchantId());
        assertEquals(List.of("transaction.chargeback", "transaction.sale.success"), List.copyOf(s.events()));
        Authentication.Basic basic = assertInstanceOf(Authentication.Basic.class, s.authentication());
        assertEquals("hub", basic.username());
        assertFalse(basic.password().value().contains("s3cret-password"));
        assertEquals("s3cret-password", secrets.open(basic.password(), Authentication.passwordContext(s.id())));
        assertEquals(30, s.delivery().timeoutSeconds());
        assertTrue(s.delivery().fifo());
        assertEquals(5, s.delivery().rateLimit().orElseThrow());
        assertEquals(List.of(URI.create("https://shop.example/hooks")), urlPolicy.checked());
        assertEquals(List.of(s), manage.list("m1"));
        assertTrue(signatureKeys.ofMerchant("m1").isEmpty(), "no signature key until one is used");
    }

    @Test
    void changesAreAuditedAsTheCallerWithoutThePasswordAndARefusedOneIsNot() {
        WebhookSubscription s = manage.create(TestCallers.developer("m1"), input(new Signature.None()), new AuthenticationInput.Basic("hub", "s3cret-password"));
        assertThrows(InvalidField.class, () -> manage.create(TestCallers.developer("m1"), new SubscriptionInput("Orders", "not a url",
            List.of("transaction.sale.success"), new Signature.None(), null, null, null), new AuthenticationInput.None()));
        manage.update(TestCallers.developer("m1"), s.id(), input(new Signature.None()), new AuthenticationChange.Keep());
        manage.disable(TestCallers.developer("m1"), s.id(), "receiver answered 410 Gone");
        manage.enable(TestCallers.developer("m1"), s.id());
        manage.delete(TestCallers.developer("m1"), s.id());

        assertEquals(List.of("webhook.created", "webhook.changed", "webhook.disabled", "webhook.enabled", "webhook.deleted"),
            audit.all().stream().map(AuditEntry::action).toList());
        AuditEntry created = audit.all().get(0);
        assertEquals("ERP (key-1)", created.actor());
        assertEquals(Actor.Source.API, created.source());
        assertEquals("webhook Orders (" + s.id() + ")", created.subject());
        assertEquals("url https://shop.example/hooks; events transaction.sale.success; signature NONE; "
            + "authentication Basic as hub (password set)", created.detail());
        assertFalse(audit.all().get(1).detail().contains("authentication"), "kept authentication is not described as set");
        assertEquals("receiver answered 410 Gone", audit.all().get(2).detail());
        assertTrue(audit.all().stream().noneMatch(e -> e.detail().contains("s3cret")));
    }

    static Stream<Arguments> invalidInputs() {
        SubscriptionInput ok = input(new Signature.None());
        return Stream.of(
            Arguments.of(new SubscriptionInput(" ", ok.url(), ok.events(), ok.signature(), null, null, null), "label"),
            Arguments.of(new SubscriptionInput("x".repeat(101), ok.url(), ok.events(), ok.signature(), null, null, null), "label"),
            Arguments.of(new SubscriptionInput(ok.label(), "not a url", ok.events(), ok.signature(), null, null, null), "url"),
            Arguments.of(new SubscriptionInput(ok.label(), "http://shop.example/h", ok.events(), ok.signature(), null, null, null), "url"),
            Arguments.of(new SubscriptionInput(ok.label(), "https://internal.example/h", ok.events(), ok.signature(), null, null, null), "url"),
            Arguments.of(new SubscriptionInput(ok.label(), ok.url(), List.of(), ok.signature(), null, null, null), "events"),
            Arguments.of(new SubscriptionInput(ok.label(), ok.url(), List.of("order.created"), ok.signature(), null, null, null), "events"),
            Arguments.of(new SubscriptionInput(ok.label(), ok.url(), ok.events(), null, null, null, null), "signature"),
            Arguments.of(new SubscriptionInput(ok.label(), ok.url(), ok.events(), new Signature.SourceKey("no-such-key"), null, null, null), "signature.apiKeyId"),
            Arguments.of(new SubscriptionInput(ok.label(), ok.url(), ok.events(), ok.signature(), 0, null, null), "timeoutSeconds"),
            Arguments.of(new SubscriptionInput(ok.label(), ok.url(), ok.events(), ok.signature(), 61, null, null), "timeoutSeconds"),
            Arguments.of(new SubscriptionInput(ok.label(), ok.url(), ok.events(), ok.signature(), null, null, 0), "rateLimitPerSecond"));
    }

    @ParameterizedTest
    @MethodSource("invalidInputs")
    void everyInvalidFieldIsNamedAndNothingIsStored(SubscriptionInput input, String field) {
        InvalidField e = assertThrows(InvalidField.class, () -> manage.create(TestCallers.developer("m1"), input, new AuthenticationInput.None()));

        assertEquals(field, e.field());
        assertTrue(manage.list("m1").isEmpty());
    }

    @Test
    void invalidCredentialsAreNamed() {
        assertEquals("authentication.username", assertThrows(InvalidField.class, () -> manage.create(TestCallers.developer("m1"),
            input(new Signature.None()), new AuthenticationInput.Basic("a:b", "pw"))).field());
        assertEquals("authentication.password", assertThrows(InvalidField.class, () -> manage.create(TestCallers.developer("m1"),
            input(new Signature.None()), new AuthenticationInput.Basic("hub", ""))).field());
        assertEquals("authentication", assertThrows(InvalidField.class, () -> manage.create(TestCallers.developer("m1"),
            input(new Signature.None()), null)).field());
        assertTrue(manage.list("m1").isEmpty());
    }

    @Test
    void anotherMerchantsSubscriptionIsNotFound() {
        WebhookSubscription s = manage.create(TestCallers.developer("m1"), input(new Signature.None()), new AuthenticationInput.None());

        assertThrows(NotFound.class, () -> manage.get("m2", s.id()));
        assertThrows(NotFound.class, () -> manage.update(TestCallers.developer("m2"), s.id(), input(new Signature.None()), new AuthenticationChange.Keep()));
        assertThrows(NotFound.class, () -> manage.delete(TestCallers.developer("m2"), s.id()));
        assertThrows(NotFound.class, () -> manage.disable(TestCallers.developer("m2"), s.id(), "not yours"));
        assertTrue(manage.list("m2").isEmpty());
        assertTrue(manage.get("m1", s.id()).enabled());
    }

    @Test
    void aSourceKeyMustBeAnActiveKeyOfTheSameMerchant() {
        String own = manageApiKeys.issue(TestCallers.developer("m1"), "backend").key().id();
        String foreign = manageApiKeys.issue(TestCallers.developer("m2"), "theirs").key().id();
        String revoked = manageApiKeys.issue(TestCallers.developer("m1"), "old").key().id();
        manageApiKeys.revoke(TestCallers.developer("m1"), revoked);

        WebhookSubscription s = manage.create(TestCallers.developer("m1"), input(new Signature.SourceKey(own)), new AuthenticationInput.None());
        assertEquals(new Signature.SourceKey(own), s.signature());

        for (String refused : List.of(foreign, revoked)) {
            InvalidField e = assertThrows(InvalidField.class,
                () -> manage.create(TestCallers.developer("m1"), input(new Signature.SourceKey(refused)), new AuthenticationInput.None()));
            assertEquals("signature.apiKeyId: is not an active API key of this merchant", e.getMessage());
            assertThrows(InvalidField.class, () -> manage.update(TestCallers.developer("m1"), s.id(), input(new Signature.SourceKey(refused)),
                new AuthenticationChange.Keep()));
        }
        assertEquals(new Signature.SourceKey(own), manage.get("m1", s.id()).signature());
    }

    @Test
    void theSignatureKeyIsMadeWhenASubscriptionFirstUsesIt() {
        manage.create(TestCallers.developer("m1"), input(new Signature.MerchantKey()), new AuthenticationInput.None());
        var first = signatureKeys.ofMerchant("m1").orElseThrow();

        manage.create(TestCallers.developer("m1"), input(new Signature.MerchantKey()), new AuthenticationInput.None());

        assertEquals(first.current(), signatureKeys.ofMerchant("m1").orElseThrow().current(), "one key per merchant");
        assertTrue(manageSignatureKeys.reveal(TestCallers.developer("m1")).reveal().startsWith("whsec_"));
        assertTrue(signatureKeys.ofMerchant("m2").isEmpty());
    }

    @Test
    void everyInvalidFieldIsReportedTogetherAndNothingIsStored() {
        InvalidField refused = assertThrows(InvalidField.class, () -> manage.create(TestCallers.developer("m1"),
            new SubscriptionInput(" ", "ftp://shop.example/hooks", List.of(), new Signature.None(), 0, null, null),
            new AuthenticationInput.Basic("", "short")));

        assertEquals(List.of("label", "url", "events", "timeoutSeconds", "authentication.username"),
            dev.payhooks.domain.error.InvalidFields.of(refused).stream().map(InvalidField::field).limit(5).toList());
        assertEquals("label", refused.field(), "read as one problem, it is the first field's");
        assertEquals(List.of(), subscriptions.ofMerchant("m1"));
        assertEquals(List.of(), urlPolicy.checked(), "no network check of a refused input");
    }

    @Test
    void theEd25519KeyIsMadeWhenASubscriptionFirstUsesIt() {
        manage.create(TestCallers.developer("m1"), input(new Signature.PublicKey()), new AuthenticationInput.None());
        var first = asymmetricKeys.ofMerchant("m1").orElseThrow();

        WebhookSubscription second = manage.create(TestCallers.developer("m1"), input(new Signature.PublicKey()),
            new AuthenticationInput.None());

        assertEquals(first.current(), asymmetricKeys.ofMerchant("m1").orElseThrow().current(), "one pair per merchant");
        assertInstanceOf(Signature.PublicKey.class, second.signature());
        assertTrue(signatureKeys.ofMerchant("m1").isEmpty(), "no HMAC secret is made for it");
        assertTrue(asymmetricKeys.ofMerchant("m2").isEmpty());
    }

    @Test
    void editingKeepsCredentialsUnlessResetExplicitly() {
        WebhookSubscription s = manage.create(TestCallers.developer("m1"), input(new Signature.None()), new AuthenticationInput.Basic("hub", "first-password"));
        Authentication before = s.authentication();
        clock.advance(Duration.ofMinutes(5));

        WebhookSubscription edited = manage.update(TestCallers.developer("m1"), s.id(), new SubscriptionInput("Renamed", "https://shop.example/hooks",
            List.of("ach.failed", "ach.settled"), new Signature.None(), 10, false, null), new AuthenticationChange.Keep());

        assertEquals(before, edited.authentication(), "keep current configuration");
        assertEquals("Renamed", edited.label());
        assertEquals(List.of("ach.failed", "ach.settled"), List.copyOf(edited.events()));
        assertEquals(clock.instant(), edited.updatedAt());

        manage.update(TestCallers.developer("m1"), s.id(), input(new Signature.None()), new AuthenticationChange.Reset(new AuthenticationInput.None()));
        assertInstanceOf(Authentication.None.class, manage.get("m1", s.id()).authentication());

        manage.update(TestCallers.developer("m1"), s.id(), input(new Signature.None()),
            new AuthenticationChange.Reset(new AuthenticationInput.Basic("hub2", "second-password")));
        Authentication.Basic basic = (Authentication.Basic) manage.get("m1", s.id()).authentication();
        assertEquals("second-password", secrets.open(basic.password(), Authentication.passwordContext(s.id())));

        assertEquals("authentication", assertThrows(InvalidField.class,
            () -> manage.update(TestCallers.developer("m1"), s.id(), input(new Signature.None()), null)).field());
    }

    @Test
    void aRejectedEditChangesNothing() {
        WebhookSubscription s = manage.create(TestCallers.developer("m1"), input(new Signature.None()), new AuthenticationInput.None());
        Instant created = s.updatedAt();
        clock.advance(Duration.ofMinutes(1));

        assertThrows(InvalidField.class, () -> manage.update(TestCallers.developer("m1"), s.id(), new SubscriptionInput("New label",
            "https://shop.example/other", List.of("transaction.sale.success"), new Signature.None(), 99, null, null),
            new AuthenticationChange.Reset(new AuthenticationInput.Basic("hub", "pw"))));
        assertThrows(InvalidField.class, () -> manage.update(TestCallers.developer("m1"), s.id(), new SubscriptionInput("New label",
            "https://shop.example/other", List.of("transaction.sale.success"), new Signature.None(), null, null, null),
            new AuthenticationChange.Reset(new AuthenticationInput.Basic("hub", ""))));

        WebhookSubscription unchanged = manage.get("m1", s.id());
        assertEquals("Orders", unchanged.label());
        assertEquals("https://shop.example/hooks", unchanged.url().toString());
        assertInstanceOf(Authentication.None.class, unchanged.authentication());
        assertEquals(created, unchanged.updatedAt());
    }

    @Test
    void theNetworkPolicyIsAskedOnlyForANewUrl() {
        WebhookSubscription s = manage.create(TestCallers.developer("m1"), input(new Signature.None()), new AuthenticationInput.None());

        manage.update(TestCallers.developer("m1"), s.id(), new SubscriptionInput("Renamed", "https://shop.example/hooks", List.of("ach.failed"),
            new Signature.None(), null, null, null), new AuthenticationChange.Keep());
        assertEquals(1, urlPolicy.checked().size());

        assertEquals("url", assertThrows(InvalidField.class, () -> manage.update(TestCallers.developer("m1"), s.id(), new SubscriptionInput("Renamed",
            "https://internal.example/hooks", List.of("ach.failed"), new Signature.None(), null, null, null),
            new AuthenticationChange.Keep())).field());
        assertEquals(2, urlPolicy.checked().size());
        assertEquals("https://shop.example/hooks", manage.get("m1", s.id()).url().toString());
    }

    @Test
    void plainHttpIsAllowedOutsideProduction() {
        ManageSubscriptions sandbox = new ManageSubscriptions(subscriptions, apiKeys, manageSignatureKeys,
            manageAsymmetricKeys, urlPolicy,
            secrets, ids, clock, false, recorder);

        WebhookSubscription s = sandbox.create(TestCallers.developer("m1"), new SubscriptionInput("Local", "http://127.0.0.1:9000/hook",
            List.of("ach.failed"), new Signature.None(), null, null, null), new AuthenticationInput.None());

        assertFalse(s.url().https());
    }

    @Test
    void disableEnableAndDelete() {
        WebhookSubscription s = manage.create(TestCallers.developer("m1"), input(new Signature.None()), new AuthenticationInput.None());

        manage.disable(TestCallers.developer("m1"), s.id(), "maintenance window");
        assertEquals("maintenance window", manage.get("m1", s.id()).disabledReason().orElseThrow());
        assertTrue(subscriptions.listeningTo("m1", "transaction.sale.success").isEmpty());

        manage.enable(TestCallers.developer("m1"), s.id());
        assertEquals(1, subscriptions.listeningTo("m1", "transaction.sale.success").size());

        manage.delete(TestCallers.developer("m1"), s.id());
        assertThrows(NotFound.class, () -> manage.get("m1", s.id()));
    }

    @Test
    void viewersAndRevokedKeysChangeNoWebhookButReadThem() {
        WebhookSubscription s = manage.create(TestCallers.developer("m1"), input(new Signature.None()), new AuthenticationInput.None());

        assertThrows(NotPermitted.class, () -> manage.create(TestCallers.viewer("m1"), input(new Signature.None()),
            new AuthenticationInput.None()));
        assertThrows(NotPermitted.class, () -> manage.update(TestCallers.viewer("m1"), s.id(), input(new Signature.None()),
            new AuthenticationChange.Keep()));
        assertThrows(NotPermitted.class, () -> manage.disable(TestCallers.viewer("m1"), s.id(), "no"));
        assertThrows(NotPermitted.class, () -> manage.delete(TestCallers.viewer("m1"), s.id()));
        String key = manageApiKeys.issue(TestCallers.developer("m1"), "erp").key().id();
        dev.payhooks.domain.merchant.ApiKey revoked = manageApiKeys.revoke(TestCallers.developer("m1"), key);
        assertThrows(NotPermitted.class, () -> manage.enable(new dev.payhooks.application.access.Caller.ApiClient(revoked), s.id()));

        assertEquals(1, manage.list("m1").size());
        assertTrue(manage.get("m1", s.id()).enabled());
    }
}
