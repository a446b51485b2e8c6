package dev.payhooks.admin.webhooks;

import dev.payhooks.admin.ConsoleFixture;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Option;
import dev.payhooks.admin.secondfactor.SignatureKeyDialogFixture;
import dev.payhooks.application.events.PublishEvents;
import dev.payhooks.application.webhooks.WebhookQueries;
import dev.payhooks.domain.outbound.InMemoryDeliveries;

import dev.payhooks.domain.audit.Actor;
import dev.payhooks.admin.webhooks.WebhookDraft.AuthenticationChoice;
import dev.payhooks.admin.webhooks.WebhookDraft.SignatureChoice;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.merchant.InMemoryApiKeys;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.InMemoryAsymmetricSigningKeys;
import dev.payhooks.domain.outbound.InMemorySignatureKeys;
import dev.payhooks.domain.outbound.InMemoryWebhookSubscriptions;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.FakeUrlPolicy;
import dev.payhooks.domain.port.RandomBytes;
import dev.payhooks.domain.port.SequentialIds;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.staff.InMemoryStaffUsers;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.application.webhooks.ManageSignatureKeys;
import dev.payhooks.application.webhooks.ManageAsymmetricSigningKeys;
import dev.payhooks.application.webhooks.ManageSubscriptions;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.payhooks.domain.error.NotFound;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Webhooks view's translation onto the webhook use cases, which decide who may change what, with the domain's in-memory fakes. */
class WebhooksModelTest {

    final ConsoleFixture console = new ConsoleFixture(Instant.parse("2026-11-23T10:00:00Z"));
    final SteppingClock clock = console.clock;
    final InMemoryWebhookSubscriptions stored = new InMemoryWebhookSubscriptions();
    final InMemoryApiKeys apiKeys = new InMemoryApiKeys();
    final FakeSecrets secrets = new FakeSecrets();
    final InMemoryAuditTrail audit = console.audit;
    final WebhooksModel model = new WebhooksModel();
    final SignatureKeyDialogFixture signatureKey;
    final String merchantId;
    final String apiKeyId;

    WebhooksModelTest() {
        merchantId = "m-1";
        SequentialIds ids = new SequentialIds();
        ManageApiKeys manageApiKeys = new ManageApiKeys(apiKeys, secrets, ids, clock,
            new InMemoryAuditTrail().recorder(() -> Actor.SYSTEM, clock));
        apiKeyId = manageApiKeys.issue(console.developer(), "bootstrap").key().id();
        ManageSignatureKeys signatureKeys = new ManageSignatureKeys(new InMemorySignatureKeys(), secrets, RandomBytes.secure(), clock,
            console.recorder);
        console.withSignedIn(model);
        model.apiKeys = manageApiKeys;
        model.subscriptions = new ManageSubscriptions(stored, apiKeys, signatureKeys,
            new ManageAsymmetricSigningKeys(new InMemoryAsymmetricSigningKeys(), secrets, clock, console.recorder),
            new FakeUrlPolicy("10.0.0.5"), secrets,
            ids, clock, false, console.recorder);
        model.publish = new PublishEvents(null, null, console.merchants, null, clock, type -> true);
        signatureKey = new SignatureKeyDialogFixture(console, signatureKeys);
        EventLog noEvents = new EventLog() {
            @Override
            public Page search(String merchant, Filter filter, Optional<Cursor> after, int limit) {
                return new Page(List.of(), Optional.empty());
            }

            @Override
            public List<dev.payhooks.domain.outbound.Delivery> deliveries(String merchant, Filter filter, int max) {
                return List.of();
            }

            @Override
            public List<dev.payhooks.domain.outbound.OutboundEvent> missedBy(String merchant, String subscription, Set<String> types,
                                                                             Filter filter, int max) {
                return List.of();
            }
        };
        model.webhooks = new WebhookQueries(stored, noEvents, new InMemoryDeliveries());
        console.signIn("dev", "DEVELOPER");
    }

    static WebhookDraft draft(String url) {
        return new WebhookDraft("ERP", url, Set.of("transaction.sale.success"), AuthenticationChoice.BASIC, "erp", "s3cret",
            SignatureChoice.SIGNATURE_KEY, null);
    }

    @Test
    void aNewWebhookIsCreatedWithItsPasswordSealedAndShownWithoutIt() {
        WebhookSummary added = model.addWebhook(draft("https://erp.example/in"));

        WebhookSubscription subscription = stored.byId(merchantId, added.id()).orElseThrow();
        Authentication.Basic basic = assertInstanceOf(Authentication.Basic.class, subscription.authentication());
        assertEquals("s3cret", secrets.open(basic.password(), Authentication.passwordContext(added.id())));
        assertEquals(new WebhookSummary(added.id(), "ERP", "https://erp.example/in", List.of("transaction.sale.success"),
            AuthenticationChoice.BASIC, "erp", SignatureChoice.SIGNATURE_KEY, null, true, null, "never"), added);
        assertEquals(List.of(added), model.webhooks());
        assertEquals("", added.asDraft().password(), "the password never goes back to the form");
        assertEquals(List.of("signature-key.created", "webhook.created"), audit.all().stream().map(AuditEntry::action).toList(),
            "the first webhook that signs with the Signature Key makes it");
        AuditEntry entry = audit.all().get(1);
        assertEquals("dev", entry.actor());
        assertEquals(Actor.Source.CONSOLE, entry.source());
        assertEquals("webhook.created", entry.action());
        assertEquals("webhook ERP (" + added.id() + ")", entry.subject());
        assertTrue(entry.detail().contains("Basic as erp (password set)"), entry.detail());
        assertFalse(entry.detail().contains("s3cret"), "the audit trail never holds a secret");
    }

    @Test
    void anEditKeepsTheAuthenticationUnlessItWasReset() {
        WebhookSummary added = model.addWebhook(draft("https://erp.example/in"));
        WebhookDraft none = new WebhookDraft("ERP 2", added.url(), Set.copyOf(added.events()), AuthenticationChoice.NONE, "", "",
            SignatureChoice.NONE, null);

        WebhookSummary kept = model.saveWebhook(added.id(), none, false);
        assertEquals("ERP 2", kept.label());
        assertEquals(AuthenticationChoice.BASIC, kept.authentication());

        WebhookSummary reset = model.saveWebhook(added.id(), none, true);
        assertEquals(AuthenticationChoice.NONE, reset.authentication());
    }

    @Test
    void theDomainsFieldProblemsComeThroughAndNothingIsStored() {
        InvalidField blocked = assertThrows(InvalidField.class, () -> model.addWebhook(draft("http://10.0.0.5/hook")));
        assertEquals("url", blocked.field());
        InvalidField noKey = assertThrows(InvalidField.class, () -> model.addWebhook(new WebhookDraft("ERP", "https://erp.example/in",
            Set.of("transaction.sale.success"), AuthenticationChoice.NONE, "", "", SignatureChoice.SOURCE_KEY, null)));
        assertEquals("signature.apiKeyId", noKey.field());
        assertTrue(stored.ofMerchant(merchantId).isEmpty());
        assertTrue(audit.all().isEmpty(), "a refused change is not audited");

        WebhookSummary signedWithApiKey = model.addWebhook(new WebhookDraft("ERP", "https://erp.example/in",
            Set.of("transaction.sale.success"), AuthenticationChoice.NONE, "", "", SignatureChoice.SOURCE_KEY, apiKeyId));
        assertEquals(apiKeyId, signedWithApiKey.sourceKeyId());
        assertEquals(List.of(new Option(apiKeyId, "bootstrap (" + apiKeys.byId(merchantId, apiKeyId).orElseThrow().displayPrefix()
            + ")")), model.sourceKeys());
    }

    @Test
    void rolesAreTheStaffStoresNowNotTheSessions() {
        assertTrue(model.mayChange());
        StaffUser dev = console.users.withUsername("dev").orElseThrow();
        dev.disable();
        console.users.update(dev);
        assertFalse(model.mayChange(), "a disabled user's open session loses its rights at once");
        assertFalse(console.signedIn.caller().enabled(), "and the admin console signs them out at their next navigation");
        assertThrows(NotAllowed.class, () -> model.addWebhook(draft("https://erp.example/in")));

        console.users.update(StaffUser.register("staff-dev", "dev", "hash", Set.of(StaffRole.VIEWER), "m-1", clock.instant()));
        assertFalse(model.mayChange(), "the stored role counts, not the one the session was signed in with (the container says yes)");

        console.sessionOf("");
        assertFalse(model.mayChange(), "nobody signed in changes nothing");
        assertTrue(stored.ofMerchant(merchantId).isEmpty());
    }

    @Test
    void aMerchantWithoutAKeyIsToldSoBeforeACodeIsChecked() {
        console.signIn("dev", "DEVELOPER");

        // a wrong code would be an InvalidField (and a counted failure) if it were checked first
        assertThrows(NotFound.class, () -> signatureKey.reveal("000000", "127.0.0.1"));
        assertTrue(audit.all().stream().noneMatch(e -> e.action().startsWith("signature-key.")), "no key made, nothing revealed");
    }

    @Test
    void viewersLookButCannotChange() {
        WebhookSummary added = model.addWebhook(draft("https://erp.example/in"));
        console.signIn("viewer", "VIEWER");

        assertFalse(model.mayChange());
        assertEquals(1, model.webhooks().size());
        assertThrows(NotAllowed.class, () -> model.addWebhook(draft("https://other.example/in")));
        assertThrows(NotAllowed.class, () -> model.saveWebhook(added.id(), draft("https://other.example/in"), true));
        assertThrows(NotAllowed.class, () -> model.enableWebhook(added.id(), false));
        assertThrows(NotAllowed.class, () -> model.deleteWebhook(added.id()));
        assertThrows(NotAllowed.class, () -> model.sendTestEvent(added.id()));
        assertThrows(NotAllowed.class, () -> signatureKey.reveal("123456", "127.0.0.1"));
        assertEquals(1, stored.ofMerchant(merchantId).size());
        assertTrue(stored.ofMerchant(merchantId).get(0).enabled());
        assertEquals(List.of("signature-key.created", "webhook.created", "signature-key.reveal-refused"),
            audit.all().stream().map(AuditEntry::action).toList(), "the viewer's reveal is refused by the use case, and audited");
    }
}
