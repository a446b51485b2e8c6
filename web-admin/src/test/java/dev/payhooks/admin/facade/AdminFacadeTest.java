package dev.payhooks.admin.facade;

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
import dev.payhooks.application.webhooks.ManageSubscriptions;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/** The facade's translation onto the webhook use cases, and its role check, with the domain's in-memory fakes. */
class AdminFacadeTest {

    /** A signed-in caller with fixed roles. */
    record Caller(String name, Set<String> roles) implements SecurityContext {
        @Override public Principal getCallerPrincipal() { return () -> name; }
        @Override public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) { return Set.of(); }
        @Override public boolean isCallerInRole(String role) { return roles.contains(role); }
        @Override public boolean hasAccessToWebResource(String resource, String... methods) { return false; }
        @Override public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                                           AuthenticationParameters parameters) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * Signs {@code name} in with one role: the container's caller, and the staff user the facade
     * reads the roles from (added to the facade's staff store, or replacing the one of that name).
     */
    static void signIn(AdminFacade facade, String name, String role) {
        facade.security = new Caller(name, Set.of(role));
        if (facade.staffUsers == null) {
            facade.staffUsers = new InMemoryStaffUsers();
        }
        StaffUser user = StaffUser.register("staff-" + name, name, "hash", Set.of(StaffRole.valueOf(role)),
            Instant.parse("2026-11-01T00:00:00Z"));
        if (facade.staffUsers.withUsername(name).isPresent()) {
            facade.staffUsers.update(user);
        } else {
            facade.staffUsers.add(user);
        }
    }

    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T10:00:00Z"));
    final InMemoryWebhookSubscriptions stored = new InMemoryWebhookSubscriptions();
    final InMemoryApiKeys apiKeys = new InMemoryApiKeys();
    final FakeSecrets secrets = new FakeSecrets();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final AdminFacade facade = new AdminFacade();
    final String merchantId;
    final String apiKeyId;

    AdminFacadeTest() {
        InMemoryMerchants merchants = new InMemoryMerchants();
        merchants.add(Merchant.register("m-1", "Default merchant", "7qwnw4j2kmqvrb3", clock.instant()));
        merchantId = "m-1";
        SequentialIds ids = new SequentialIds();
        facade.auditRecorder = audit.recorder(() -> Actor.staff(facade.caller()), clock);
        apiKeyId = new ManageApiKeys(apiKeys, secrets, ids, clock, new InMemoryAuditTrail().recorder(() -> Actor.SYSTEM, clock))
            .issue(merchantId, "bootstrap").key().id();
        ManageSignatureKeys signatureKeys = new ManageSignatureKeys(new InMemorySignatureKeys(), secrets, RandomBytes.secure(), clock,
            facade.auditRecorder);
        facade.merchants = merchants;
        facade.apiKeys = apiKeys;
        facade.audit = audit;
        facade.ids = ids;
        facade.clock = clock;
        facade.signatureKeys = signatureKeys;
        facade.subscriptions = new ManageSubscriptions(stored, apiKeys, signatureKeys, new FakeUrlPolicy("10.0.0.5"), secrets,
            ids, clock, false, facade.auditRecorder);
        facade.eventLog = new EventLog() {
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
        signIn(facade, "dev", "DEVELOPER");
    }

    static WebhookDraft draft(String url) {
        return new WebhookDraft("ERP", url, Set.of("transaction.sale.success"), AuthenticationChoice.BASIC, "erp", "s3cret",
            SignatureChoice.SIGNATURE_KEY, null);
    }

    @Test
    void aNewWebhookIsCreatedWithItsPasswordSealedAndShownWithoutIt() {
        WebhookSummary added = facade.addWebhook(draft("https://erp.example/in"));

        WebhookSubscription subscription = stored.byId(merchantId, added.id()).orElseThrow();
        Authentication.Basic basic = assertInstanceOf(Authentication.Basic.class, subscription.authentication());
        assertEquals("s3cret", secrets.open(basic.password(), Authentication.passwordContext(added.id())));
        assertEquals(new WebhookSummary(added.id(), "ERP", "https://erp.example/in", List.of("transaction.sale.success"),
            AuthenticationChoice.BASIC, "erp", SignatureChoice.SIGNATURE_KEY, null, true, null, "never"), added);
        assertEquals(List.of(added), facade.webhooks());
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
        WebhookSummary added = facade.addWebhook(draft("https://erp.example/in"));
        WebhookDraft none = new WebhookDraft("ERP 2", added.url(), Set.copyOf(added.events()), AuthenticationChoice.NONE, "", "",
            SignatureChoice.NONE, null);

        WebhookSummary kept = facade.saveWebhook(added.id(), none, false);
        assertEquals("ERP 2", kept.label());
        assertEquals(AuthenticationChoice.BASIC, kept.authentication());

        WebhookSummary reset = facade.saveWebhook(added.id(), none, true);
        assertEquals(AuthenticationChoice.NONE, reset.authentication());
    }

    @Test
    void theDomainsFieldProblemsComeThroughAndNothingIsStored() {
        InvalidField blocked = assertThrows(InvalidField.class, () -> facade.addWebhook(draft("http://10.0.0.5/hook")));
        assertEquals("url", blocked.field());
        InvalidField noKey = assertThrows(InvalidField.class, () -> facade.addWebhook(new WebhookDraft("ERP", "https://erp.example/in",
            Set.of("transaction.sale.success"), AuthenticationChoice.NONE, "", "", SignatureChoice.SOURCE_KEY, null)));
        assertEquals("signature.apiKeyId", noKey.field());
        assertTrue(stored.ofMerchant(merchantId).isEmpty());
        assertTrue(audit.all().isEmpty(), "a refused change is not audited");

        WebhookSummary signedWithApiKey = facade.addWebhook(new WebhookDraft("ERP", "https://erp.example/in",
            Set.of("transaction.sale.success"), AuthenticationChoice.NONE, "", "", SignatureChoice.SOURCE_KEY, apiKeyId));
        assertEquals(apiKeyId, signedWithApiKey.sourceKeyId());
        assertEquals(List.of(new Option(apiKeyId, "bootstrap (" + apiKeys.byId(merchantId, apiKeyId).orElseThrow().displayPrefix()
            + ")")), facade.sourceKeys());
    }

    @Test
    void rolesAreTheStaffStoresNowNotTheSessions() {
        assertTrue(facade.mayChange());
        assertTrue(facade.signedInStaffEnabled());
        StaffUser dev = facade.staffUsers.withUsername("dev").orElseThrow();
        dev.disable();
        facade.staffUsers.update(dev);
        assertFalse(facade.mayChange(), "a disabled user's open session loses its rights at once");
        assertFalse(facade.signedInStaffEnabled(), "and the admin console signs them out at their next navigation");
        assertThrows(NotAllowed.class, () -> facade.addWebhook(draft("https://erp.example/in")));

        facade.staffUsers.update(StaffUser.register("staff-dev", "dev", "hash", Set.of(StaffRole.VIEWER), clock.instant()));
        facade.security = new Caller("dev", Set.of("ADMINISTRATOR"));
        assertFalse(facade.mayChange(), "the stored role counts, not the one the session was signed in with");
        assertFalse(facade.mayManageStaff());

        facade.security = new Caller("", Set.of("ADMINISTRATOR"));
        assertFalse(facade.mayChange(), "nobody signed in changes nothing");
        assertTrue(stored.ofMerchant(merchantId).isEmpty());
    }

    @Test
    void viewersLookButCannotChange() {
        WebhookSummary added = facade.addWebhook(draft("https://erp.example/in"));
        signIn(facade, "viewer", "VIEWER");

        assertFalse(facade.mayChange());
        assertEquals(1, facade.webhooks().size());
        assertThrows(NotAllowed.class, () -> facade.addWebhook(draft("https://other.example/in")));
        assertThrows(NotAllowed.class, () -> facade.saveWebhook(added.id(), draft("https://other.example/in"), true));
        assertThrows(NotAllowed.class, () -> facade.enableWebhook(added.id(), false));
        assertThrows(NotAllowed.class, () -> facade.deleteWebhook(added.id()));
        assertThrows(NotAllowed.class, () -> facade.sendTestEvent(added.id()));
        assertThrows(NotAllowed.class, () -> facade.revealSignatureKey("123456", "127.0.0.1"));
        assertThrows(NotAllowed.class, () -> facade.replayEvent("0".repeat(64)));
        assertEquals(1, stored.ofMerchant(merchantId).size());
        assertTrue(stored.ofMerchant(merchantId).get(0).enabled());
        assertEquals(List.of("signature-key.created", "webhook.created", "signature-key.reveal-refused"),
            audit.all().stream().map(AuditEntry::action).toList(), "the viewer's reveal is refused by the use case, and audited");
    }

    @Test
    void payloadsArePrettyPrintedAndNonJsonIsShownAsItIs() {
        assertEquals("{\n    \"a\": 1\n}", AdminFacade.prettyJson("{\"a\":1}").replace("\r", ""));
        assertEquals("not json", AdminFacade.prettyJson("not json"));
    }
}
