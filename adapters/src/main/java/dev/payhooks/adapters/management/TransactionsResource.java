package dev.payhooks.adapters.management;

import dev.payhooks.adapters.api.JsonBody;
import dev.payhooks.adapters.api.ListQuery;
import dev.payhooks.application.reconciliation.ResolveReconciliation;
import dev.payhooks.application.transactions.TransactionQueries;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.fulfillment.Fulfillment;
import dev.payhooks.domain.payment.FailureReason;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.PaymentDetails;
import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.payment.PaymentTransactions.Cursor;
import dev.payhooks.domain.payment.PaymentTransactions.Filter;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.ProviderReference;
import dev.payhooks.domain.payment.TransactionAmounts;
import dev.payhooks.domain.payment.TransactionEvent;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.payment.TransactionStatus;
import dev.payhooks.domain.reconciliation.Reconciliation;
import dev.payhooks.domain.refund.Refund;
import dev.payhooks.domain.refund.RefundLine;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import java.io.InputStream;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The calling merchant's payment transactions, read-only (adapters create and change them), but
 * for marking one the reconciliation flagged for staff as resolved.
 */
@Path("v1/transactions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Transactions", description = "Payment transactions with their event history and reconciliation")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "Missing or invalid API key")
public class TransactionsResource extends ManagementResource {

    @Inject
    TransactionQueries transactions;

    @Inject
    ResolveReconciliation resolver;

    @GET
    @Operation(summary = "List transactions, newest first",
        description = "Filters combine. `nextCursor` in the answer fetches the next page; it is absent on the last page.")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public JsonObject list(
        @QueryParam("channel") @Parameter(description = "channel slug") String channel,
        @QueryParam("provider") @Parameter(description = "np-atobarai, adyen, walley or annanow") String provider,
        @QueryParam("status") @Parameter(description = "e.g. AUTHORIZED, CHARGED, REFUNDED") String status,
        @QueryParam("from") @Parameter(description = "created at or after (ISO-8601 instant)") String from,
        @QueryParam("to") @Parameter(description = "created before (ISO-8601 instant)") String to,
        @QueryParam("needsAttention") @Parameter(description = "true: only transactions the reconciliation flagged for staff")
        String needsAttention,
        @QueryParam("limit") @Parameter(description = "1-200, default 50") String limit,
        @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        Filter filter = new Filter(Optional.ofNullable(channel).filter(s -> !s.isBlank()),
            Optional.ofNullable(provider).map(TransactionsResource::provider),
            Optional.ofNullable(status).map(TransactionsResource::status),
            Optional.ofNullable(from).map(value -> ListQuery.instant("from", value)),
            Optional.ofNullable(to).map(value -> ListQuery.instant("to", value)))
            .needingAttention(flag("needsAttention", needsAttention));
        PaymentTransactions.Page page = transactions.page(caller.merchantId(), filter,
            Optional.ofNullable(cursor).map(TransactionsResource::decodeCursor), ListQuery.limit(limit));
        return ListQuery.page(page.items(), TransactionsResource::summary, page.next().map(TransactionsResource::encodeCursor));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A transaction with its events, provider references, refunds and fulfillments",
        description = "With what the provider told about the payment, when it did: `paymentMethod` (card brand, masked "
            + "number, expiry, wallet), `lineItems` and the customer's `contact`. `reconciliation` (once its outcome stayed "
            + "open long enough to be checked, or a Saleor report of it could not be delivered): `state` (CHECKING, NEEDS_ATTENTION, SETTLED, RESOLVED), `version` (moves on with every change; "
            + "send it back when resolving), `needsAttention`, "
            + "`attempts`, `lastCheckedAt`, `nextCheckAt` while checking, `lastResult`, `reason` when flagged (an outcome still unknown, "
            + "a Saleor report not delivered), `resolvedBy`.")
    @APIResponse(responseCode = "404", description = "No such transaction")
    public JsonObject get(@PathParam("id") String id) {
        TransactionQueries.Detail detail = transactions.detail(caller.caller(), id);
        PaymentTransaction t = detail.transaction();
        JsonArrayBuilder events = JSON.createArrayBuilder();
        for (TransactionEvent e : t.snapshot().events()) {
            JsonObjectBuilder event = JSON.createObjectBuilder()
                .add("sequence", e.sequence())
                .add("operation", e.operation().name())
                .add("result", e.result().name())
                .add("amount", e.amount().toMajorString())
                .add("statusAfter", e.statusAfter().name())
                .add("at", e.at().toString());
            optional(event, "providerReference", e.providerReference());
            optional(event, "message", e.message());
            if (e.reason() != null) {
                event.add("reason", reasonJson(e.reason()));
            }
            events.add(event);
        }
        JsonArrayBuilder references = JSON.createArrayBuilder();
        for (ProviderReference r : t.snapshot().providerReferences()) {
            references.add(JSON.createObjectBuilder().add("reference", r.value()).add("since", r.since().toString()));
        }
        JsonArrayBuilder actions = JSON.createArrayBuilder();
        t.merchantActions().forEach(a -> actions.add(a.name()));
        JsonObjectBuilder json = JSON.createObjectBuilder(summary(t))
            .add("events", events)
            .add("providerReferences", references)
            .add("availableActions", actions)
            .add("refunds", refundsJson(detail.refunds()))
            .add("fulfillments", fulfillmentsJson(detail.fulfillments()));
        addDetails(json, detail.details(), t);
        detail.reconciliation().ifPresent(r -> json.add("reconciliation", reconciliationJson(r)));
        return json.build();
    }

    @POST
    @Path("{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Mark a transaction flagged for staff as taken care of",
        description = "{\"note\": \"…\", \"version\": 3} (both optional; the note at most 500 characters), the note kept as "
            + "the reconciliation's last result and in the audit trail. `version` is the reconciliation's `version` as read: "
            + "when it changed since (checked again, flagged anew, resolved by someone else), nothing is written and the "
            + "answer is 409. Only a transaction whose reconciliation needs attention can be resolved.")
    @APIResponse(responseCode = "200", description = "The transaction's reconciliation, as in the transaction's detail")
    @APIResponse(responseCode = "404", description = "No such transaction, or it was never reconciled")
    @APIResponse(responseCode = "409", description = "The transaction does not need attention, or its reconciliation was changed meanwhile (read it again)")
    public JsonObject resolve(@PathParam("id") String id, InputStream body) {
        JsonBody json = JsonBody.read(body).allowOnly("note", "version");
        Long version = json.optionalLong("version");
        return reconciliationJson(resolver.resolve(caller.caller(), id, json.optionalString("note"),
            version == null ? OptionalLong.empty() : OptionalLong.of(version))).build();
    }

    private static JsonObjectBuilder reconciliationJson(Reconciliation r) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
            .add("state", r.state().name())
            .add("version", r.version())
            .add("needsAttention", r.needsAttention())
            .add("attempts", r.attempts());
        r.lastCheckedAt().ifPresent(at -> json.add("lastCheckedAt", at.toString()));
        if (r.state() == Reconciliation.State.CHECKING) {
            json.add("nextCheckAt", r.nextCheckAt().toString());
        }
        r.lastResult().ifPresent(result -> json.add("lastResult", result));
        r.reason().ifPresent(reason -> json.add("reason", reason));
        r.resolvedBy().ifPresent(by -> json.add("resolvedBy", by));
        return json;
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidField(name, "must be true or false");
    }

    /** {@code paymentMethod}, {@code lineItems} and {@code contact}, each only when the provider told it. */
    private static void addDetails(JsonObjectBuilder json, PaymentDetails details, PaymentTransaction t) {
        details.method().ifPresent(m -> {
            JsonObjectBuilder method = JSON.createObjectBuilder();
            optional(method, "brand", m.brand());
            optional(method, "maskedNumber", m.maskedNumber());
            optional(method, "expiry", m.expiry());
            optional(method, "wallet", m.wallet());
            json.add("paymentMethod", method);
        });
        if (!details.lineItems().isEmpty()) {
            JsonArrayBuilder items = JSON.createArrayBuilder();
            for (PaymentDetails.LineItem i : details.lineItems()) {
                JsonObjectBuilder item = JSON.createObjectBuilder();
                optional(item, "name", i.name());
                optional(item, "sku", i.sku());
                if (i.price() != null) {
                    item.add("price", Money.of(i.price(), t.currency()).toMajorString());
                }
                if (i.quantity() != null) {
                    item.add("quantity", i.quantity());
                }
                optional(item, "vatRate", i.vatRate());
                items.add(item);
            }
            json.add("lineItems", items);
        }
        details.contact().ifPresent(c -> {
            JsonObjectBuilder contact = JSON.createObjectBuilder();
            c.fields().forEach(contact::add);
            json.add("contact", contact);
        });
    }

    private static JsonArrayBuilder refundsJson(List<Refund> refunds) {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        for (Refund r : refunds) {
            JsonArrayBuilder lines = JSON.createArrayBuilder();
            for (RefundLine line : r.lines()) {
                JsonObjectBuilder l = JSON.createObjectBuilder()
                    .add("lineId", line.lineId()).add("orderLineId", line.orderLineId()).add("quantity", line.quantity());
                line.amountIfKnown().ifPresent(amount -> l.add("amount", amount.toMajorString()));
                lines.add(l);
            }
            JsonObjectBuilder refund = JSON.createObjectBuilder()
                .add("id", r.id().value())
                .add("kind", r.kind().name())
                .add("amount", r.amount().toMajorString())
                .add("stage", r.stage().name())
                .add("status", r.status().name())
                .add("includesShipping", r.includesShipping())
                .add("lines", lines)
                .add("requestedAt", r.requestedAt().toString());
            r.grantedRefundId().ifPresent(id -> refund.add("grantedRefundId", id));
            r.providerReference().ifPresent(ref -> refund.add("providerReference", ref));
            r.message().ifPresent(message -> refund.add("message", message));
            all.add(refund);
        }
        return all;
    }

    private static JsonArrayBuilder fulfillmentsJson(List<Fulfillment> fulfillments) {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        for (Fulfillment f : fulfillments) {
            JsonObjectBuilder fulfillment = JSON.createObjectBuilder()
                .add("id", f.id().value())
                .add("trackingNumber", f.trackingNumber().value())
                .add("status", f.status().name())
                .add("reportAttempts", f.reportAttempts())
                .add("createdAt", f.createdAt().toString());
            f.carrierCode().ifPresent(code -> fulfillment.add("carrierCode", code));
            f.message().ifPresent(message -> fulfillment.add("message", message));
            all.add(fulfillment);
        }
        return all;
    }

    private static JsonObject summary(PaymentTransaction t) {
        TransactionAmounts a = t.amounts();
        JsonObjectBuilder json = JSON.createObjectBuilder()
            .add("id", t.id().value())
            .add("channel", t.channelSlug())
            .add("provider", t.provider().slug())
            .add("merchantReference", t.merchantReference())
            .add("currency", t.currency().code())
            .add("status", t.status().name())
            .add("amounts", JSON.createObjectBuilder()
                .add("authorized", major(a.authorized()))
                .add("charged", major(a.charged()))
                .add("refunded", major(a.refunded()))
                .add("cancelled", major(a.cancelled()))
                .add("chargedBack", major(a.chargedBack())))
            .add("createdAt", t.createdAt().toString())
            .add("updatedAt", t.updatedAt().toString());
        t.providerReference().ifPresent(ref -> json.add("providerReference", ref));
        t.reason().ifPresent(reason -> json.add("reason", reasonJson(reason)));
        return json.build();
    }

    /** A provider's reason: {@code {"code": …, "description": …}}. */
    private static JsonObjectBuilder reasonJson(FailureReason reason) {
        return JSON.createObjectBuilder().add("code", reason.code()).add("description", reason.description());
    }

    private static String major(Money money) {
        return money.toMajorString();
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static ProviderId provider(String slug) {
        try {
            return ProviderId.fromSlug(slug);
        } catch (InvalidValue unknown) {
            throw new InvalidField("provider", unknown.getMessage());
        }
    }

    private static TransactionStatus status(String name) {
        try {
            return TransactionStatus.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidField("status", "unknown status; expected one of " + java.util.Arrays.toString(TransactionStatus.values()));
        }
    }

    static String encodeCursor(Cursor cursor) {
        return ListQuery.cursor(cursor.createdAt(), cursor.id());
    }

    static Cursor decodeCursor(String token) {
        ListQuery.Position position = ListQuery.position(token);
        try {
            TransactionId.of(position.id());
        } catch (InvalidValue malformed) {
            throw new InvalidField("cursor", "is not a cursor this API returned");
        }
        return new Cursor(position.createdAt(), position.id());
    }
}
