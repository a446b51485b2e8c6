package dev.payhooks.admin.facade;

import dev.payhooks.admin.facade.EventDetails.AttemptDetails;
import dev.payhooks.admin.facade.EventDetails.DeliveryDetails;
import dev.payhooks.admin.facade.WebhookDraft.AuthenticationChoice;
import dev.payhooks.admin.facade.WebhookDraft.SignatureChoice;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.audit.AuditTrail;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.inbound.InboundNotification;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.inbound.ProcessingStatus;
import dev.payhooks.application.notifications.ReceiveNotifications;
import dev.payhooks.domain.provider.ProviderCredentialsCheck;
import dev.payhooks.domain.provider.ProviderCredentialsChecks;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.merchant.ProviderSettingsSchema;
import dev.payhooks.domain.merchant.SettingField;
import dev.payhooks.domain.merchant.SettingInput;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.hub.PublicUrl;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.application.channels.ManageSaleorInstallations;
import dev.payhooks.application.channels.ManageChannels;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionAmounts;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.payment.TransactionStatus;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.refund.Refunds;
import dev.payhooks.domain.merchant.ApiKey;
import dev.payhooks.domain.merchant.ApiKeys;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.outbound.Authentication;
import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.Delivery;
import dev.payhooks.domain.outbound.DeliveryAttempt;
import dev.payhooks.domain.outbound.DeliveryStatus;
import dev.payhooks.domain.outbound.EventCatalog;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.OutboundEvent;
import dev.payhooks.domain.outbound.Outbox;
import dev.payhooks.domain.outbound.Signature;
import dev.payhooks.domain.outbound.WebhookSubscription;
import dev.payhooks.domain.staff.LoginThrottle;
import dev.payhooks.domain.staff.PasswordHashing;
import dev.payhooks.domain.staff.StaffRole;
import dev.payhooks.domain.staff.StaffUser;
import dev.payhooks.domain.staff.StaffUsers;
import dev.payhooks.domain.staff.TotpSecret;
import dev.payhooks.application.staff.ManageSecondFactor;
import dev.payhooks.application.staff.ManageStaff;
import dev.payhooks.domain.staff.SecondFactorMarks;
import dev.payhooks.domain.staff.StaffActionRefused;
import dev.payhooks.application.webhooks.ManageSignatureKeys;
import dev.payhooks.application.access.SecretReader;
import dev.payhooks.application.webhooks.ManageSubscriptions;
import dev.payhooks.application.webhooks.ManageSubscriptions.AuthenticationChange;
import dev.payhooks.application.webhooks.ManageSubscriptions.AuthenticationInput;
import dev.payhooks.application.webhooks.ManageSubscriptions.SubscriptionInput;
import dev.payhooks.application.events.PublishEvents;
import dev.payhooks.application.events.ReplayDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one door from the admin UI's views into the domain: the same use cases the management
 * API calls, translated to and from the UI's DTOs. Every method runs in one transaction, so a
 * rejected change leaves nothing behind. The console works on the installation's merchant (the
 * oldest one; Payhooks creates it at first start).
 *
 * <p>Domain errors pass through unchanged: the views show an {@link InvalidField}'s problem next
 * to its field.
 */
@ApplicationScoped
@Transactional
public class AdminFacade {

    /** Looked up once: {@code Json.create…} repeats a ServiceLoader scan on every call (ArchitectureTest). */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String DISABLED_IN_CONSOLE = "disabled in the admin console";

    @Inject
    SecurityContext security;
    @Inject
    Merchants merchants;
    @Inject
    ApiKeys apiKeys;
    @Inject
    ManageSubscriptions subscriptions;
    @Inject
    ManageSignatureKeys signatureKeys;
    @Inject
    PublishEvents publish;
    @Inject
    ReplayDeliveries replays;
    @Inject
    EventLog eventLog;
    @Inject
    Outbox outbox;
    @Inject
    InboundNotifications inboundNotifications;
    @Inject
    Deliveries deliveries;
    @Inject
    ManageSecondFactor secondFactor;
    @Inject
    LoginThrottle throttle;
    @Inject
    PaymentTransactions transactions;
    @Inject
    Refunds refunds;
    @Inject
    Fulfillments fulfillments;
    @Inject
    Channels channels;
    @Inject
    Clock clock;
    @Inject
    ManageChannels manageChannels;
    @Inject
    ManageApiKeys manageApiKeys;
    @Inject
    ManageSaleorInstallations manageSaleorInstallations;
    @Inject
    AuditTrail audit;
    @Inject
    AuditRecorder auditRecorder;
    @Inject
    ProviderCredentialsChecks credentialsChecks;
    @Inject
    IdGenerator ids;
    @Inject
    StaffUsers staffUsers;
    @Inject
    PasswordHashing passwordHashing;
    @Inject
    ManageStaff manageStaff;
    @Inject
    SecondFactorMarks secondFactorMarks;
    @Inject
    PublicUrl publicUrl;

    // ---- the signed-in staff member ------------------------------------------------------

    public String caller() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }

    /**
     * The signed-in staff member as stored now, if enabled. Roles are read from the staff store
     * on each check, not from the container's role check: a disabled or demoted user's open
     * session loses its rights at once, and on Payara {@code SecurityContext.isCallerInRole} can
     * answer false for a session that Jakarta Security restored (payara/Payara#4734; seen here as
     * an administrator told "look, not change" mid-session).
     */
    private Optional<StaffUser> signedInStaff() {
        String name = caller();
        return name.isEmpty() ? Optional.empty()
            : staffUsers.withUsername(StaffUser.normalizeUsername(name)).filter(StaffUser::enabled);
    }

    /** Whether the signed-in user is still an enabled staff member (disabled or removed: their session ends). */
    public boolean signedInStaffEnabled() {
        return signedInStaff().isPresent();
    }

    /** Administrators and developers change configuration; viewers only look. */
    public boolean mayChange() {
        return signedInStaff().map(StaffUser::mayChangeConfiguration).orElse(false);
    }

    private void requireMayChange() {
        if (!mayChange()) {
            throw new NotAllowed("Your role lets you look, not change. Ask an administrator.");
        }
    }

    // ---- sign-in throttling ----------------------------------------------------------------

    /**
     * Reserves this sign-in attempt before the password is checked, or says why it is refused (too
     * many recent failures). The reservation counts as a failure until {@link #passwordAccepted}
     * hands it back, so parallel wrong passwords cannot all be checked before the pause engages.
     */
    public SignInAttempt beginSignIn(String username, String clientAddress) {
        LoginThrottle.Attempt attempt = throttle.attempt(username, clientAddress);
        if (attempt instanceof LoginThrottle.Attempt.Refused refused) {
            return new SignInAttempt.Refused(SignInThrottling.message(refused.blocked()));
        }
        return new SignInAttempt.Reserved(((LoginThrottle.Attempt.Reserved) attempt).ticket());
    }

    /**
     * A right password: its attempt does not count. The account's failure count starts again only
     * for users without a second factor; for the others a verified code does that, or password
     * successes would reset the count of code guesses.
     */
    public void passwordAccepted(String username, SignInAttempt.Reserved attempt) {
        throttle.passed(attempt.ticket());
        if (!secondFactor.enabled(username)) {
            throttle.succeeded(username);
        }
    }

    // ---- second factor -------------------------------------------------------------------

    public boolean secondFactorEnabled() {
        return secondFactor.enabled(caller());
    }

    public int recoveryCodesLeft() {
        return secondFactor.recoveryCodesLeft(caller());
    }

    public SecondFactorEnrolment beginSecondFactorEnrolment() {
        ManageSecondFactor.Enrolment enrolment = secondFactor.begin(caller());
        return new SecondFactorEnrolment(enrolment.secret().base32(), enrolment.provisioningUri());
    }

    /** Enables the second factor; returns the recovery codes, the only time they are shown. */
    public List<String> confirmSecondFactor(SecondFactorEnrolment enrolment, String code) {
        List<String> codes = secondFactor.confirm(caller(), TotpSecret.parse(enrolment.secret()), code);
        secondFactorMarks.verified(caller(), clock.instant());
        return codes;
    }

    /**
     * Checks a second-factor code of the signed-in user, throttled like passwords: a wrong code
     * counts as a failed sign-in for the account and the client address.
     */
    public ManageSecondFactor.Accepted verifySecondFactor(String code, String clientAddress) {
        String user = caller();
        LoginThrottle.Attempt attempt = throttle.attempt(user, clientAddress);
        if (attempt instanceof LoginThrottle.Attempt.Refused refused) {
            throw new InvalidField("code", SignInThrottling.message(refused.blocked()));
        }
        LoginThrottle.Ticket ticket = ((LoginThrottle.Attempt.Reserved) attempt).ticket();
        ManageSecondFactor.Accepted accepted;
        try {
            accepted = secondFactor.verify(user, code);
        } catch (InvalidField wrong) {
            throw wrong; // a wrong code stays counted: the reservation is its failure
        } catch (RuntimeException noCodeChecked) {
            throttle.passed(ticket);
            throw noCodeChecked;
        }
        throttle.passed(ticket);
        throttle.succeeded(user);
        secondFactorMarks.verified(user, clock.instant());
        return accepted;
    }

    // ---- webhooks ------------------------------------------------------------------------

    private String merchantId() {
        return merchants.all().stream().min(Comparator.comparing(Merchant::createdAt))
            .orElseThrow(() -> new NotFound("merchant (none is set up yet)")).id();
    }

    public List<Option> eventTypes() {
        return EventCatalog.all().stream().map(t -> new Option(t.name(), t.name())).toList();
    }

    /** What the event log can hold: the catalog and the test events a webhook's "Send test event" makes. */
    public List<String> eventLogTypes() {
        List<String> types = new ArrayList<>(EventCatalog.all().stream().map(t -> t.name()).toList());
        types.add(PublishEvents.TEST_EVENT_TYPE);
        return types;
    }

    /** The merchant's active API keys, which can sign as a "Source Key". */
    public List<Option> sourceKeys() {
        return apiKeys.ofMerchant(merchantId()).stream().filter(ApiKey::active)
            .map(k -> new Option(k.id(), k.label() + " (" + k.displayPrefix() + ")")).toList();
    }

    public List<WebhookSummary> webhooks() {
        String merchant = merchantId();
        return subscriptions.list(merchant).stream()
            .sorted(Comparator.comparing(WebhookSubscription::createdAt))
            .map(s -> summary(s, lastDelivery(merchant, s.id())))
            .toList();
    }

    public WebhookSummary webhook(String id) {
        String merchant = merchantId();
        return summary(subscriptions.get(merchant, id), lastDelivery(merchant, id));
    }

    public WebhookSummary addWebhook(WebhookDraft draft) {
        requireMayChange();
        String merchant = merchantId();
        WebhookSubscription created = subscriptions.create(merchant, input(draft), authentication(draft));
        return summary(created, "never");
    }

    /** Saves an edit; the authentication changes only when the form's "Reset Webhook Authentication" is on. */
    public WebhookSummary saveWebhook(String id, WebhookDraft draft, boolean resetAuthentication) {
        requireMayChange();
        AuthenticationChange change = resetAuthentication
            ? new AuthenticationChange.Reset(authentication(draft)) : new AuthenticationChange.Keep();
        String merchant = merchantId();
        WebhookSubscription saved = subscriptions.update(merchant, id, input(draft), change);
        return summary(saved, lastDelivery(merchant, id));
    }

    public void deleteWebhook(String id) {
        requireMayChange();
        String merchant = merchantId();
        subscriptions.delete(merchant, id);
    }

    public WebhookSummary enableWebhook(String id, boolean enabled) {
        requireMayChange();
        String merchant = merchantId();
        WebhookSubscription changed = enabled ? subscriptions.enable(merchant, id)
            : subscriptions.disable(merchant, id, DISABLED_IN_CONSOLE);
        return summary(changed, lastDelivery(merchant, id));
    }

    /** Queues a sample event for this webhook only; returns its event id. */
    public String sendTestEvent(String id) {
        requireMayChange();
        return publish.sendTest(subscriptions.get(merchantId(), id)).event().id().value();
    }

    /**
     * The merchant's Signature Key in clear, after a fresh second-factor code (the contract: re-enter
     * it to reveal). The use case decides who may see it and audits the reveal or the refusal; the
     * refusal's entry commits (no rollback for it), and a viewer is refused before being asked for
     * a code.
     */
    @Transactional(dontRollbackOn = {NotAllowed.class, NotPermitted.class})
    public String revealSignatureKey(String code, String clientAddress) {
        String merchant = merchantId();
        SecretReader reader = new SecretReader.Staff(signedInStaff());
        try {
            signatureKeys.requireMayReveal(merchant, reader);
        } catch (NotPermitted refused) {
            throw new NotAllowed("Your role lets you look, not change. Ask an administrator.");
        }
        verifySecondFactor(code, clientAddress);
        return signatureKeys.reveal(merchant, reader).reveal();
    }

    private static SubscriptionInput input(WebhookDraft draft) {
        Signature signature = switch (draft.signature() == null ? SignatureChoice.NONE : draft.signature()) {
            case NONE -> new Signature.None();
            case SIGNATURE_KEY -> new Signature.MerchantKey();
            case SOURCE_KEY -> {
                if (draft.sourceKeyId() == null || draft.sourceKeyId().isBlank()) {
                    throw new InvalidField("signature.apiKeyId", "pick the API key that signs");
                }
                yield new Signature.SourceKey(draft.sourceKeyId());
            }
        };
        return new SubscriptionInput(draft.label(), draft.url(), List.copyOf(draft.events()), signature, null, null, null);
    }

    private static AuthenticationInput authentication(WebhookDraft draft) {
        if (draft.authentication() == AuthenticationChoice.BASIC) {
            return new AuthenticationInput.Basic(draft.username(), draft.password());
        }
        return new AuthenticationInput.None();
    }

    private WebhookSummary summary(WebhookSubscription s, String lastDelivery) {
        AuthenticationChoice authentication = s.authentication() instanceof Authentication.Basic
            ? AuthenticationChoice.BASIC : AuthenticationChoice.NONE;
        String username = s.authentication() instanceof Authentication.Basic basic ? basic.username() : "";
        SignatureChoice signature = s.signature() instanceof Signature.SourceKey ? SignatureChoice.SOURCE_KEY
            : s.signature() instanceof Signature.MerchantKey ? SignatureChoice.SIGNATURE_KEY : SignatureChoice.NONE;
        String sourceKey = s.signature() instanceof Signature.SourceKey key ? key.apiKeyId() : null;
        return new WebhookSummary(s.id(), s.label(), s.url().toString(), List.copyOf(s.events()), authentication, username,
            signature, sourceKey, s.enabled(), s.disabledReason().orElse(null), lastDelivery);
    }

    /** How the webhook's newest event went: "never", "pending", "succeeded · 200", "failed · 500 (attempt 3)", "dead". */
    private String lastDelivery(String merchant, String subscriptionId) {
        EventLog.Filter filter = new EventLog.Filter(Optional.empty(), Optional.of(subscriptionId), Optional.empty(),
            Optional.empty(), Optional.empty());
        List<OutboundEvent> newest = eventLog.search(merchant, filter, Optional.empty(), 1).events();
        if (newest.isEmpty()) {
            return "never";
        }
        return deliveries.ofEvent(newest.get(0).id()).stream()
            .filter(d -> d.subscriptionId().equals(subscriptionId))
            .findFirst()
            .map(AdminFacade::describe)
            .orElse("never");
    }

    static String describe(Delivery d) {
        Optional<DeliveryAttempt> last = d.attempts().isEmpty() ? Optional.empty()
            : Optional.of(d.attempts().get(d.attempts().size() - 1));
        String outcome = last.map(a -> a.status() != null ? "HTTP " + a.status() : String.valueOf(a.errorClass())).orElse("");
        return switch (d.status()) {
            case SUCCEEDED -> "succeeded" + (outcome.isEmpty() ? "" : " · " + outcome);
            case DEAD -> "dead" + (outcome.isEmpty() ? "" : " · " + outcome);
            case PENDING -> last.isEmpty() ? "pending" : "retrying · " + outcome + " (attempt " + d.attempts().size() + ")";
        };
    }

    // ---- event log -----------------------------------------------------------------------

    /**
     * A page of the event log, newest first, after {@code after} (keyset paging): outbound events
     * and inbound notifications merged by time. Each source is read by its own key from where
     * the previous page left it, {@code limit} rows at most, and the newest {@code limit} of both
     * make the page; the mark remembers how far each source was taken. No OFFSET, no count.
     */
    public EventPage events(EventFilter filter, Optional<EventPage.Mark> after, int limit) {
        String merchant = merchantId();
        Map<String, String> labels = webhookLabels(merchant);
        Optional<OutboundEvent> byId = eventById(merchant, filter.idText());
        if (byId.isPresent()) {
            return new EventPage(after.isPresent() ? List.of() : List.of(row(byId.get(), labels)), Optional.empty());
        }
        EventPage.Mark mark = after.orElse(EventPage.Mark.START);
        boolean outbound = includesOutbound(filter, labels) && !mark.outboundDone();
        boolean inbound = includesInbound(filter, labels) && !mark.inboundDone();
        List<OutboundEvent> events = List.of();
        Optional<EventLog.Cursor> eventsNext = Optional.empty();
        if (outbound) {
            EventLog.Page page = eventLog.search(merchant, domainFilter(filter, labels),
                mark.outbound().map(p -> new EventLog.Cursor(p.at(), p.id())), limit);
            events = page.events();
            eventsNext = page.next();
        }
        List<InboundNotification> received = List.of();
        Optional<InboundNotifications.Cursor> receivedNext = Optional.empty();
        if (inbound) {
            InboundNotifications.Page page = inboundNotifications.search(merchant, inboundFilter(filter),
                mark.inbound().map(p -> new InboundNotifications.Cursor(p.at(), p.id())), limit);
            received = page.notifications();
            receivedNext = page.next();
        }
        // merge two newest-first lists, taking a prefix of each
        List<EventRow> rows = new ArrayList<>();
        int e = 0;
        int n = 0;
        while (rows.size() < limit && (e < events.size() || n < received.size())) {
            boolean takeEvent = n >= received.size() || e < events.size()
                && !events.get(e).createdAt().isBefore(received.get(n).receivedAt());
            if (takeEvent) {
                rows.add(row(events.get(e++), labels));
            } else {
                rows.add(row(received.get(n++)));
            }
        }
        boolean outboundDone = !outbound || e == events.size() && eventsNext.isEmpty();
        boolean inboundDone = !inbound || n == received.size() && receivedNext.isEmpty();
        if (outboundDone && inboundDone) {
            return new EventPage(rows, Optional.empty());
        }
        Optional<EventPage.Position> outboundAt = e == 0 ? mark.outbound()
            : Optional.of(new EventPage.Position(events.get(e - 1).createdAt(), events.get(e - 1).id().value()));
        Optional<EventPage.Position> inboundAt = n == 0 ? mark.inbound()
            : Optional.of(new EventPage.Position(received.get(n - 1).receivedAt(), received.get(n - 1).id()));
        return new EventPage(rows, Optional.of(new EventPage.Mark(outboundAt, outboundDone, inboundAt, inboundDone)));
    }

    /** The filters a provider notification can match: an inbound status, a provider, no event type or webhook. */
    private static boolean includesInbound(EventFilter filter, Map<String, String> webhooks) {
        return !EventRow.Direction.OUTBOUND.name().equals(blankToNull(filter.direction()))
            && blankToNull(filter.eventType()) == null && blankToNull(filter.subscriptionId()) == null
            && (blankToNull(filter.status()) == null || processingStatus(filter.status()).isPresent())
            && !webhooks.containsKey(Optional.ofNullable(filter.idText()).map(String::trim).orElse(""));
    }

    /**
     * The filters an outbound event can match: a delivery status, no provider; free text only
     * as a webhook id (an event id is looked up before).
     */
    private static boolean includesOutbound(EventFilter filter, Map<String, String> webhooks) {
        String text = blankToNull(filter.idText());
        return !EventRow.Direction.INBOUND.name().equals(blankToNull(filter.direction()))
            && blankToNull(filter.provider()) == null
            && (blankToNull(filter.status()) == null || deliveryStatus(filter.status()).isPresent())
            && (text == null || webhooks.containsKey(text.trim()));
    }

    private static InboundNotifications.Filter inboundFilter(EventFilter filter) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidField("to", "must be later than from");
        }
        return new InboundNotifications.Filter(Optional.ofNullable(blankToNull(filter.provider())).map(AdminFacade::provider),
            Optional.ofNullable(blankToNull(filter.status())).flatMap(AdminFacade::processingStatus),
            Optional.ofNullable(filter.from()), Optional.ofNullable(filter.to()), Optional.ofNullable(filter.idText()));
    }

    private static Optional<ProcessingStatus> processingStatus(String name) {
        return java.util.Arrays.stream(ProcessingStatus.values()).filter(s -> s.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    private static Optional<DeliveryStatus> deliveryStatus(String name) {
        return java.util.Arrays.stream(DeliveryStatus.values()).filter(s -> s.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The statuses the log's filter offers: deliveries', then notifications'. */
    public List<String> eventLogStatuses() {
        List<String> statuses = new ArrayList<>();
        java.util.Arrays.stream(DeliveryStatus.values()).map(Enum::name).forEach(statuses::add);
        java.util.Arrays.stream(ProcessingStatus.values()).map(Enum::name).forEach(statuses::add);
        return statuses;
    }

    /** Whether a status of the log's filter belongs to provider notifications rather than deliveries. */
    public static boolean isNotificationStatus(String status) {
        return status != null && processingStatus(status).isPresent();
    }

    private static EventRow row(InboundNotification n) {
        return new EventRow(EventRow.Direction.INBOUND, n.id(), n.key().value(), n.receivedAt(), n.status().name(),
            providerName(n.provider()) + n.channelSlug().map(slug -> " · " + slug).orElse(""));
    }

    /** A provider notification of the console's merchant, for the detail panel. */
    public NotificationDetails notification(String id) {
        String merchant = merchantId();
        InboundNotification n = Optional.ofNullable(id).map(String::trim).filter(s -> !s.isEmpty())
            .flatMap(inboundNotifications::byId)
            .filter(found -> found.merchantId().map(merchant::equals).orElse(false))
            .orElseThrow(() -> new NotFound("notification " + id));
        byte[] body = n.rawBody();
        return new NotificationDetails(n.id(), n.provider().slug(), providerName(n.provider()), n.channelSlug().orElse(""),
            n.key().value(), n.receivedAt(), n.verification().outcome().name(), n.verification().reason().orElse(""),
            n.status().name(), n.statusReason().orElse(""), n.attempts(), InboundNotification.MAX_PROCESSING_ATTEMPTS,
            n.lastAttemptAt().orElse(null), n.transactionId().map(TransactionId::value).orElse(""), n.headers().masked(),
            readableBody(body), body.length, replayNote(n));
    }

    /**
     * Why the console offers no replay for a notification. The pipeline applies a notification
     * only while it awaits processing, and its retry loop already does that; a finished one is
     * final in the domain ({@link InboundNotification}), and re-applying it would only find the
     * facts already recorded.
     */
    static String replayNote(InboundNotification n) {
        return switch (n.status()) {
            case RECEIVED -> "Not applied yet: the retry loop applies it within "
                + ReceiveNotifications.GRACE_BEFORE_RETRY.toSeconds() + " seconds of its arrival; there is nothing to replay.";
            case FAILED -> n.isAwaitingProcessing()
                ? "The retry loop tries it again " + ReceiveNotifications.RETRY_DELAY.toSeconds()
                    + " seconds after each failure, up to " + InboundNotification.MAX_PROCESSING_ATTEMPTS + " attempts."
                : "All " + InboundNotification.MAX_PROCESSING_ATTEMPTS + " attempts failed. The pipeline cannot re-open it "
                    + "yet; ask the provider to send it again once the cause is fixed (a resend with a new key is applied).";
            case PROCESSED -> "Processed: final. Applying it again would find its facts already recorded, so the console "
                + "offers no replay; replay the outbound events it caused instead.";
            case IGNORED -> n.verification().isFailed()
                ? "Refused by verification: never applied, by design."
                : "Ignored: final, with the reason above. The pipeline does not re-open finished notifications.";
        };
    }

    /** JSON pretty-printed; other UTF-8 text as it is; anything else summarised (it is not text). */
    static String readableBody(byte[] body) {
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException notText) {
            return "(" + body.length + " bytes, not UTF-8 text)";
        }
        String trimmed = text.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[") ? prettyJson(text) : text;
    }

    public EventDetails event(String eventId) {
        String merchant = merchantId();
        OutboundEvent event = eventById(merchant, eventId).orElseThrow(() -> new NotFound("event " + eventId));
        Map<String, String> labels = webhookLabels(merchant);
        List<DeliveryDetails> all = new ArrayList<>();
        for (Delivery d : deliveries.ofEvent(event.id())) {
            List<AttemptDetails> attempts = d.attempts().stream()
                .map(a -> new AttemptDetails(a.number(), a.startedAt(), a.status(), a.latency().toMillis(), a.success(),
                    a.errorClass(), a.responseExcerpt()))
                .toList();
            all.add(new DeliveryDetails(d.subscriptionId(), labels.getOrDefault(d.subscriptionId(), "(deleted webhook)"),
                d.status().name(), d.deadReason().orElse(null), d.nextAttemptAt().orElse(null), attempts));
        }
        return new EventDetails(event.id().value(), event.eventType(), event.createdAt(), event.source().orElse(""),
            prettyJson(event.payloadJson()), all);
    }

    /** Sends one event again to every webhook whose delivery of it has finished; returns how many. */
    public int replayEvent(String eventId) {
        requireMayChange();
        String merchant = merchantId();
        OutboundEvent event = eventById(merchant, eventId).orElseThrow(() -> new NotFound("event " + eventId));
        return replays.replayEvent(merchant, event.id(), Optional.empty());
    }

    /** How many deliveries a bulk replay of this filter would send again (dead letters unless a status is chosen). */
    public int countReplayable(EventFilter filter) {
        String merchant = merchantId();
        Map<String, String> labels = webhookLabels(merchant);
        return includesOutbound(filter, labels) || eventById(merchant, filter.idText()).isPresent()
            ? replays.countMatching(merchant, domainFilter(filter, labels)) : 0;
    }

    /** Replays the outbound deliveries the filter matches; provider notifications are not replayed (see {@link #replayNote}). */
    public int replayMatching(EventFilter filter) {
        requireMayChange();
        String merchant = merchantId();
        Map<String, String> labels = webhookLabels(merchant);
        return includesOutbound(filter, labels) || eventById(merchant, filter.idText()).isPresent()
            ? replays.replayMatching(merchant, domainFilter(filter, labels)) : 0;
    }

    public List<Option> webhookOptions() {
        return subscriptions.list(merchantId()).stream().map(s -> new Option(s.id(), s.label())).toList();
    }

    private Map<String, String> webhookLabels(String merchant) {
        return subscriptions.list(merchant).stream()
            .collect(Collectors.toMap(WebhookSubscription::id, WebhookSubscription::label, (a, b) -> a));
    }

    /** A free-text id filter naming a webhook narrows by webhook; one naming an event is handled by {@link #eventById}. */
    private static EventLog.Filter domainFilter(EventFilter filter, Map<String, String> webhooks) {
        Optional<String> subscription = Optional.ofNullable(filter.subscriptionId()).filter(s -> !s.isBlank());
        String text = filter.idText() == null ? "" : filter.idText().trim();
        if (subscription.isEmpty() && webhooks.containsKey(text)) {
            subscription = Optional.of(text);
        }
        Optional<DeliveryStatus> status = Optional.ofNullable(filter.status()).filter(s -> !s.isBlank())
            .flatMap(AdminFacade::deliveryStatus);
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidField("to", "must be later than from");
        }
        return new EventLog.Filter(Optional.ofNullable(filter.eventType()).filter(s -> !s.isBlank()), subscription, status,
            Optional.ofNullable(filter.from()), Optional.ofNullable(filter.to()));
    }

    private Optional<OutboundEvent> eventById(String merchant, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return outbox.byId(new EventId(text.trim().toLowerCase(Locale.ROOT))).filter(e -> e.merchantId().equals(merchant));
        } catch (IllegalArgumentException notAnEventId) {
            return Optional.empty();
        }
    }

    private EventRow row(OutboundEvent event, Map<String, String> labels) {
        List<Delivery> all = deliveries.ofEvent(event.id());
        Map<DeliveryStatus, Long> byStatus = all.stream().collect(Collectors.groupingBy(Delivery::status, Collectors.counting()));
        String status = all.isEmpty() ? "no webhook" : byStatus.size() == 1 ? byStatus.keySet().iterator().next().name()
            : byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name()).collect(Collectors.joining(", "));
        String webhooks = all.stream().map(d -> labels.getOrDefault(d.subscriptionId(), "(deleted)")).distinct()
            .collect(Collectors.joining(", "));
        return new EventRow(EventRow.Direction.OUTBOUND, event.id().value(), event.eventType(), event.createdAt(), status,
            webhooks);
    }

    static String prettyJson(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonStructure structure = reader.read();
            StringWriter out = new StringWriter();
            try (JsonWriter writer = JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
                writer.write(structure);
            }
            return out.toString().trim();
        } catch (RuntimeException notJson) {
            return json;
        }
    }

    // ---- audit trail ---------------------------------------------------------------------

    /**
     * Writes an audit entry for a change the use cases do not record themselves (staff users), in
     * the caller's transaction: it commits with the change or not at all. Webhooks, channels, API
     * keys and the Signature Key are recorded by their use cases, for the console and the REST API alike.
     */
    private void record(String merchant, String action, String subject, String detail) {
        auditRecorder.record(merchant, action, subject, detail);
    }

    /** A page of the audit trail, newest first, after {@code after}. */
    public AuditPage auditEntries(Optional<AuditPage.Mark> after, int limit) {
        AuditTrail.Page page = audit.newest(merchantId(), after.map(m -> new AuditTrail.Cursor(m.at(), m.id())), limit);
        return new AuditPage(page.entries().stream()
            .map(e -> new AuditRow(e.id(), e.at(), e.actor(), e.source().name(), e.action(), e.subject(), e.detail())).toList(),
            page.next().map(c -> new AuditPage.Mark(c.at(), c.id())));
    }

    // ---- channels, API keys, Signature Key ------------------------------------------------

    public List<ChannelSummary> channels() {
        return manageChannels.list(merchantId()).stream()
            .sorted(Comparator.comparing(Channel::slug))
            .map(c -> new ChannelSummary(c.slug(), c.name(), c.currency(), c.country(),
                c.providers().keySet().stream().sorted().map(ProviderId::slug).toList()))
            .toList();
    }

    public ChannelSummary openChannel(ChannelDraft draft) {
        requireMayChange();
        String merchant = merchantId();
        Channel channel = manageChannels.open(merchant, new ManageChannels.ChannelDescription(draft.slug(), draft.name(),
            draft.currency(), draft.country()));
        return new ChannelSummary(channel.slug(), channel.name(), channel.currency(), channel.country(), List.of());
    }

    /**
     * A provider's settings of a channel for the form: plain values (or defaults), secrets only
     * masked. {@code requestApiBase} ("https://host/api/") is where notifications go when no
     * {@code payhooks.public-url} is configured.
     */
    public ProviderConfiguration providerConfiguration(String channelSlug, String providerSlug, String requestApiBase) {
        String merchant = merchantId();
        ProviderId provider = provider(providerSlug);
        Channel channel = manageChannels.get(merchant, channelSlug);
        Optional<ProviderSettings> stored = channel.provider(provider);
        Map<String, Object> shown = stored.map(manageChannels::displayed).orElse(Map.of());
        List<ProviderConfiguration.Setting> settings = new ArrayList<>();
        for (SettingField field : ProviderSettingsSchema.of(provider).fields()) {
            Object value = shown.get(field.name());
            String text = value == null ? (stored.isEmpty() && field.defaultValue() != null ? field.defaultValue() : "")
                : value instanceof List<?> masks ? masks.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : String.valueOf(value);
            settings.add(new ProviderConfiguration.Setting(field.name(), field.kind().name(), field.required(), field.choices(),
                text, value != null));
        }
        String url = stored.flatMap(ProviderSettings::endpointKey)
            .map(key -> apiBase(requestApiBase) + "notifications/" + provider.slug() + "/" + key).orElse("");
        return new ProviderConfiguration(channel.slug(), provider.slug(), providerName(provider), stored.isPresent(), settings, url);
    }

    /**
     * Saves a provider's settings from the form: every value as typed ("true"/"false" for flags,
     * one secret per line for secret lists). A blank secret keeps the stored one (secrets are
     * write-only); a blank optional plain field is left out (its default applies). The domain
     * checks each field; the audit entry names the fields that changed and the secrets replaced.
     */
    public ProviderConfiguration configureProvider(String channelSlug, String providerSlug, Map<String, String> form,
                                                   String requestApiBase) {
        requireMayChange();
        String merchant = merchantId();
        ProviderId provider = provider(providerSlug);
        Map<String, SettingInput> input = settingInput(provider, form);
        manageChannels.configureProvider(merchant, channelSlug, provider, input);
        return providerConfiguration(channelSlug, providerSlug, requestApiBase);
    }

    /**
     * The form's values as the domain's input: every value as typed ("true"/"false" for flags, one
     * secret per line for secret lists); a blank secret is left out (keep the stored one), and so
     * is a blank optional plain field (its default applies).
     */
    private static Map<String, SettingInput> settingInput(ProviderId provider, Map<String, String> form) {
        Map<String, SettingInput> input = new java.util.LinkedHashMap<>();
        for (SettingField field : ProviderSettingsSchema.of(provider).fields()) {
            String typed = form.get(field.name());
            boolean blank = typed == null || typed.isBlank();
            if (field.kind().secret()) {
                if (!blank) {
                    input.put(field.name(), field.kind() == SettingField.Kind.SECRET_LIST
                        ? new SettingInput.TextList(typed.lines().map(String::trim).filter(l -> !l.isEmpty()).toList())
                        : new SettingInput.Text(typed));
                }
                continue;
            }
            if (blank && !field.required()) {
                continue;
            }
            input.put(field.name(), field.kind() == SettingField.Kind.FLAG
                ? new SettingInput.Flag(Boolean.parseBoolean(typed.trim())) : new SettingInput.Text(typed == null ? "" : typed));
        }
        return input;
    }

    /** Whether the provider can check credentials from the form ("Test credentials"). */
    public boolean canTestCredentials(String providerSlug) {
        return credentialsChecks.of(provider(providerSlug)).isPresent();
    }

    /**
     * Asks the provider whether it accepts the form's credentials, or the stored ones where a
     * secret field is left empty. Nothing is saved or audited; the domain checks the fields first
     * (its {@link InvalidField} goes next to the field, as on save).
     */
    public CredentialsCheckResult testCredentials(String channelSlug, String providerSlug, Map<String, String> form) {
        requireMayChange();
        ProviderId provider = provider(providerSlug);
        ProviderCredentialsCheck check = credentialsChecks.of(provider)
            .orElseThrow(() -> new InvalidField("provider", provider.displayName() + " offers no credentials check"));
        ProviderCredentialsCheck.Result result = check.check(
            manageChannels.candidateSettings(merchantId(), channelSlug, provider, settingInput(provider, form)));
        return new CredentialsCheckResult(result.accepted(), result.message());
    }

    public void removeProvider(String channelSlug, String providerSlug) {
        requireMayChange();
        String merchant = merchantId();
        ProviderId provider = provider(providerSlug);
        manageChannels.removeProvider(merchant, channelSlug, provider);
    }

    public List<ApiKeyRow> apiKeys() {
        return manageApiKeys.list(merchantId()).stream()
            .sorted(Comparator.comparing(ApiKey::createdAt))
            .map(AdminFacade::apiKeyRow).toList();
    }

    /** Issues an API key; the answer holds its plaintext, the one time it is shown. */
    public IssuedApiKey issueApiKey(String label) {
        requireMayChange();
        String merchant = merchantId();
        ManageApiKeys.IssuedKey issued = manageApiKeys.issue(merchant, label);
        return new IssuedApiKey(apiKeyRow(issued.key()), issued.plaintext());
    }

    public ApiKeyRow revokeApiKey(String keyId) {
        requireMayChange();
        String merchant = merchantId();
        ApiKey revoked = manageApiKeys.revoke(merchant, keyId);
        return apiKeyRow(revoked);
    }

    /** A new Signature Key; the previous one still signs for a while (the domain's overlap), so receivers can switch. */
    public void rotateSignatureKey() {
        requireMayChange();
        String merchant = merchantId();
        try {
            signatureKeys.rotate(merchant);
        } catch (NotFound none) {
            signatureKeys.ensure(merchant);
        }
    }

    // ---- Saleor installations ------------------------------------------------------------

    /** The Saleor instances the merchant's Saleor apps are installed in; every staff member may look. */
    public List<SaleorInstallationRow> saleorInstallations() {
        return manageSaleorInstallations.list(merchantId()).stream()
            .map(i -> new SaleorInstallationRow(i.id(), i.provider().slug(), i.apiUrl(), i.appId(), i.installedAt(),
                i.updatedAt()))
            .toList();
    }

    /** Only administrators remove a Saleor installation: it decides which Saleor app the hub trusts. */
    public boolean mayRemoveSaleorInstallations() {
        return mayManageStaff();
    }

    /** Removes an installation (audited), so that its Saleor may install another app. */
    public void removeSaleorInstallation(String installationId) {
        if (!mayRemoveSaleorInstallations()) {
            throw new NotAllowed("Only administrators remove Saleor installations.");
        }
        manageSaleorInstallations.remove(merchantId(), installationId);
    }

    private static ApiKeyRow apiKeyRow(ApiKey k) {
        return new ApiKeyRow(k.id(), k.label(), k.displayPrefix(), k.createdAt(), k.revokedAt().orElse(null));
    }

    private String apiBase(String requestApiBase) {
        return publicUrl.resolve("api/", () -> requestApiBase);
    }

    private static ProviderId provider(String slug) {
        try {
            return ProviderId.fromSlug(slug);
        } catch (InvalidValue unknown) {
            throw new InvalidField("provider", unknown.getMessage());
        }
    }

    // ---- staff users ---------------------------------------------------------------------

    static final int TEMPORARY_PASSWORD_LENGTH = ManageStaff.TEMPORARY_PASSWORD_LENGTH;

    /** Only administrators manage staff users. */
    public boolean mayManageStaff() {
        return signedInStaff().map(u -> u.roles().contains(StaffRole.ADMINISTRATOR)).orElse(false);
    }

    private void requireAdministrator() {
        if (!mayManageStaff()) {
            throw new NotAllowed("Only administrators manage staff users.");
        }
    }

    public List<StaffRow> staff() {
        requireAdministrator();
        String me = StaffUser.normalizeUsername(caller());
        return staffUsers.all().stream()
            .map(u -> new StaffRow(u.username(), u.roles().stream().map(Enum::name).sorted().toList(), u.enabled(),
                u.secondFactor().isPresent(), u.createdAt(), u.username().equals(me)))
            .toList();
    }

    /**
     * Every staff action goes through {@link ManageStaff}: an administrator whose session passed
     * the second factor in the last 15 minutes, acting on someone else. A refusal is audited and
     * thrown as {@link StaffActionRefused}, which commits (the audit entry is all it wrote).
     */
    private ManageStaff.Caller staffCaller() {
        String me = caller();
        return new ManageStaff.Caller(me, secondFactorMarks.verifiedAt(me), merchantId());
    }

    /** Adds a staff user with one role and a generated password, shown this once. */
    @Transactional(dontRollbackOn = StaffActionRefused.class)
    public TemporaryPassword addStaff(String username, String role) {
        ManageStaff.Issued issued = manageStaff.add(staffCaller(), username, role);
        return new TemporaryPassword(issued.username(), issued.password());
    }

    @Transactional(dontRollbackOn = StaffActionRefused.class)
    public void changeStaffRole(String username, String role) {
        manageStaff.changeRole(staffCaller(), username, role);
    }

    @Transactional(dontRollbackOn = StaffActionRefused.class)
    public void enableStaff(String username, boolean enabled) {
        manageStaff.enable(staffCaller(), username, enabled);
    }

    /** A new generated password (shown this once) and no second factor: the user enrols again at the next sign-in. */
    @Transactional(dontRollbackOn = StaffActionRefused.class)
    public TemporaryPassword resetStaff(String username) {
        ManageStaff.Issued issued = manageStaff.reset(staffCaller(), username);
        return new TemporaryPassword(issued.username(), issued.password());
    }

    public List<Option> staffRoles() {
        return java.util.Arrays.stream(StaffRole.values())
            .map(r -> new Option(r.name(), switch (r) {
                case ADMINISTRATOR -> "Administrator — everything, and staff users";
                case DEVELOPER -> "Developer — webhooks, secrets, channel settings";
                case VIEWER -> "Viewer — looks only";
            })).toList();
    }

    // ---- transactions --------------------------------------------------------------------

    public List<Option> channelOptions() {
        return channels.ofMerchant(merchantId()).stream()
            .sorted(Comparator.comparing(c -> c.slug()))
            .map(c -> new Option(c.slug(), c.name() + " (" + c.slug() + ")")).toList();
    }

    public List<Option> providerOptions() {
        return java.util.Arrays.stream(ProviderId.values()).map(p -> new Option(p.slug(), providerName(p))).toList();
    }

    public List<String> transactionStatuses() {
        return java.util.Arrays.stream(TransactionStatus.values()).map(Enum::name).toList();
    }

    /** A page of the merchant's transactions, newest first, after {@code after} (keyset paging). */
    public TransactionPage transactions(TransactionFilter filter, Optional<TransactionPage.Mark> after, int limit) {
        PaymentTransactions.Page page = transactions.search(merchantId(), domainFilter(filter),
            after.map(m -> new PaymentTransactions.Cursor(m.createdAt(), m.transactionId())), limit);
        return new TransactionPage(page.items().stream().map(AdminFacade::row).toList(),
            page.next().map(c -> new TransactionPage.Mark(c.createdAt(), c.id())));
    }

    public TransactionDetails transaction(String id) {
        TransactionId transactionId;
        try {
            transactionId = TransactionId.of(id == null ? "" : id.trim());
        } catch (InvalidValue malformed) {
            throw new NotFound("transaction " + id);
        }
        PaymentTransaction t = transactions.byId(merchantId(), transactionId)
            .orElseThrow(() -> new NotFound("transaction " + id));
        TransactionAmounts a = t.amounts();
        String pending = java.util.stream.Stream.of(
                pendingPart("authorization", a.authorizationPending()), pendingPart("charge", a.chargePending()),
                pendingPart("refund", a.refundPending()), pendingPart("cancel", a.cancelPending()))
            .filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        List<TransactionDetails.TimelineEntry> timeline = t.events().stream()
            .map(e -> new TransactionDetails.TimelineEntry(e.sequence(), e.at(), e.operation().name(), e.result().name(),
                e.amount().toMajorString(), e.statusAfter().name(), orEmpty(e.providerReference()), orEmpty(e.message())))
            .toList();
        List<TransactionDetails.ReferenceEntry> references = t.providerReferences().stream()
            .map(r -> new TransactionDetails.ReferenceEntry(r.value(), r.since())).toList();
        List<TransactionDetails.RefundEntry> refundEntries = refunds.ofTransaction(t.id()).stream()
            .map(r -> new TransactionDetails.RefundEntry(r.id().value(), r.kind().name(), r.amount().toMajorString(),
                r.stage().name(), r.status().name(), r.includesShipping(),
                r.lines().stream().map(l -> l.lineId() + " → " + l.orderLineId() + " × " + l.quantity()
                    + l.amountIfKnown().map(m -> " (" + m.toMajorString() + ")").orElse("")).toList(),
                r.requestedAt(), r.providerReference().orElse(""), r.message().orElse("")))
            .toList();
        List<TransactionDetails.FulfillmentEntry> fulfillmentEntries = fulfillments.ofTransaction(t.id()).stream()
            .map(f -> new TransactionDetails.FulfillmentEntry(f.id().value(), f.trackingNumber().value(),
                f.carrierCode().orElse(""), f.status().name(), f.reportAttempts(), f.createdAt(), f.message().orElse("")))
            .toList();
        return new TransactionDetails(row(t), a.cancelled().toMajorString(), a.chargedBack().toMajorString(), pending,
            timeline, references, refundEntries, fulfillmentEntries);
    }

    /**
     * Transactions created per UTC day over the last {@code days} days (today included), counted
     * by the database ({@link PaymentTransactions#dailyCounts}); days without any show as zero.
     */
    public TransactionActivity transactionActivity(int days) {
        if (days < 1 || days > 366) {
            throw new InvalidField("days", "must be between 1 and 366");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, PaymentTransactions.DailyCount> counted = transactions.dailyCounts(merchantId(),
                first.atStartOfDay(ZoneOffset.UTC).toInstant(), today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
            .stream().collect(Collectors.toMap(PaymentTransactions.DailyCount::day, c -> c));
        List<DailyActivity> activity = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            PaymentTransactions.DailyCount c = counted.getOrDefault(d, new PaymentTransactions.DailyCount(d, 0, 0, 0));
            activity.add(new DailyActivity(d, Math.toIntExact(c.created()), Math.toIntExact(c.succeeded()),
                Math.toIntExact(c.failed())));
        }
        return new TransactionActivity(activity);
    }

    private static PaymentTransactions.Filter domainFilter(TransactionFilter filter) {
        Optional<ProviderId> provider = Optional.ofNullable(filter.provider()).filter(s -> !s.isBlank()).map(slug -> {
            try {
                return ProviderId.fromSlug(slug);
            } catch (InvalidValue unknown) {
                throw new InvalidField("provider", unknown.getMessage());
            }
        });
        Optional<TransactionStatus> status = Optional.ofNullable(filter.status()).filter(s -> !s.isBlank()).map(name -> {
            try {
                return TransactionStatus.valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidField("status", "unknown status " + name.trim());
            }
        });
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidField("to", "must be later than from");
        }
        return new PaymentTransactions.Filter(Optional.ofNullable(filter.channel()).filter(s -> !s.isBlank()).map(String::trim),
            provider, status, Optional.ofNullable(filter.from()), Optional.ofNullable(filter.to()));
    }

    private static TransactionRow row(PaymentTransaction t) {
        return new TransactionRow(t.id().value(), t.createdAt(), t.channelSlug(), t.provider().slug(), t.merchantReference(),
            t.status().name(), t.currency().code(), t.authorized().toMajorString(), t.charged().toMajorString(),
            t.refunded().toMajorString(), t.providerReference().orElse(""));
    }

    private static String pendingPart(String what, dev.payhooks.domain.payment.Money amount) {
        return amount.isPositive() ? what + " " + amount.toMajorString() : "";
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    static String providerName(ProviderId provider) {
        return provider.displayName();
    }

}
