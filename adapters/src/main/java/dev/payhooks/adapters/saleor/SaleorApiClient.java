package dev.payhooks.adapters.saleor;

import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.payhooks.adapters.outbound.PinnedHttpTransport;
import dev.payhooks.adapters.outbound.SsrfGuard;
import dev.payhooks.application.saleor.TransactionReportDelivery;
import dev.payhooks.application.saleor.TransactionReportDelivery.Answer;

import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Calls to a Saleor instance: its GraphQL API with the app token, and its JWKS. Every call is
 * bounded by {@code timeout} (5 s in production): a Saleor that does not
 * answer in time is treated like one that cannot be reached, and the caller continues.
 * Every call passes the SSRF guard of outbound webhooks first and goes to the address it checked
 * ({@link PinnedHttpTransport}: no second DNS lookup, TLS verified against the host name, no
 * redirects followed), although an operator named the URL: a Saleor host whose DNS later points
 * into the hub's network reaches nothing there.
 */
public class SaleorApiClient {

    static final int MAX_ANSWER_BYTES = 512 * 1024;
    /** The contract's bound on every Saleor call ({@code payhooks.saleor.timeout} defaults to it). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Duration timeout;
    private final SsrfGuard guard;
    private final PinnedHttpTransport transport;

    /**
     * @param guard refuses internal addresses unless its allow-list opens them (the webhooks' allow-list,
     *              plus loopback in sandbox mode)
     */
    public SaleorApiClient(Duration timeout, SsrfGuard guard, PinnedHttpTransport transport) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** Saleor's answer (status and at most one byte more than the limit of its body), or why there is none. */
    private record Exchange(int status, byte[] body, String problem) {
        static Exchange failed(String problem) {
            return new Exchange(0, new byte[0], problem);
        }

        boolean usable() {
            return problem == null && status == 200 && body.length <= MAX_ANSWER_BYTES;
        }

        String why() {
            return problem != null ? problem : "Saleor answered HTTP " + status;
        }
    }

    private Exchange exchange(String method, URI url, Map<String, String> headers, byte[] body) {
        InetAddress address;
        try {
            address = guard.check(url);
        } catch (SsrfGuard.Refused refused) {
            return Exchange.failed("Saleor URL " + url.getScheme() + "://" + url.getHost() + " may not be called: "
                + refused.getMessage());
        }
        PinnedHttpTransport.Outcome outcome = transport.exchange(method,
            new PinnedHttpTransport.Request(url, address, headers, body, timeout, timeout), MAX_ANSWER_BYTES + 1);
        if (outcome instanceof PinnedHttpTransport.Answered answered) {
            return new Exchange(answered.status(), answered.bodyExcerpt(), null);
        }
        PinnedHttpTransport.Failed failed = (PinnedHttpTransport.Failed) outcome;
        return Exchange.failed(failed.error() == PinnedHttpTransport.ErrorClass.TIMEOUT
            ? "Saleor did not answer within " + timeout.toMillis() + " ms"
            : "Saleor could not be reached: " + failed.error());
    }

    /** A GraphQL call's outcome: the {@code data} object, or why there is none. */
    public record GraphQlAnswer(JsonObject data, String problem) {
        public boolean ok() {
            return data != null;
        }
    }

    /** The app id the token belongs to ({@code { app { id } }}), if Saleor says so. */
    public Optional<String> appId(URI apiUrl, String token) {
        GraphQlAnswer answer = graphQl(apiUrl, token, "{ app { id } }", JSON.createObjectBuilder().build());
        if (!answer.ok()) {
            return Optional.empty();
        }
        JsonValue app = answer.data().get("app");
        if (app == null || app.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        JsonValue id = app.asJsonObject().get("id");
        return id instanceof jakarta.json.JsonString s && !s.getString().isBlank() ? Optional.of(s.getString())
            : Optional.empty();
    }

    /** The instance's signing keys ({@code {origin}/.well-known/jwks.json}) as JSON text, if it answers. */
    public Optional<String> jwks(URI apiUrl) {
        Exchange answer = exchange("GET", apiUrl.resolve("/.well-known/jwks.json"), Map.of("Accept", "application/json"),
            new byte[0]);
        if (!answer.usable()) {
            return Optional.empty();
        }
        try {
            String text = new String(answer.body(), StandardCharsets.UTF_8);
            com.nimbusds.jose.jwk.JWKSet.parse(text);
            return Optional.of(text);
        } catch (java.text.ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Adds a note to an order ({@code orderNoteAdd}). Empty when it worked, else why not
     * (timeout, unreachable, GraphQL errors).
     */
    public Optional<String> addOrderNote(URI apiUrl, String token, String orderId, String message) {
        String mutation = "mutation AddNote($order: ID!, $message: String!) {"
            + " orderNoteAdd(order: $order, input: {message: $message}) { event { id } errors { field message code } } }";
        GraphQlAnswer answer = graphQl(apiUrl, token, mutation, JSON.createObjectBuilder()
            .add("order", orderId).add("message", message).build());
        if (!answer.ok()) {
            return Optional.of(answer.problem());
        }
        JsonValue result = answer.data().get("orderNoteAdd");
        if (result == null || result.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.of("orderNoteAdd answered no result");
        }
        JsonValue errors = result.asJsonObject().get("errors");
        if (errors != null && errors.getValueType() == JsonValue.ValueType.ARRAY && !errors.asJsonArray().isEmpty()) {
            return Optional.of("orderNoteAdd errors: " + errors);
        }
        return Optional.empty();
    }

    /**
     * Reports a provider outcome of a transaction ({@code transactionEventReport}). {@code amount}
     * is in major units; {@code message} may be null. How Saleor took it is the
     * {@link TransactionReportDelivery.Answer} the report's delivery gives.
     */
    public Answer reportTransactionEvent(URI apiUrl, String token, String transactionId, String pspReference,
                                               String type, java.math.BigDecimal amount, java.time.Instant time,
                                               String message) {
        String mutation = "mutation Report($id: ID!, $pspReference: String!, $type: TransactionEventTypeEnum!,"
            + " $amount: PositiveDecimal!, $time: DateTime, $message: String) {"
            + " transactionEventReport(id: $id, pspReference: $pspReference, type: $type, amount: $amount,"
            + " time: $time, message: $message) {"
            + " alreadyProcessed transactionEvent { id } errors { field message code } } }";
        jakarta.json.JsonObjectBuilder variables = JSON.createObjectBuilder()
            .add("id", transactionId).add("pspReference", pspReference).add("type", type).add("amount", amount)
            .add("time", time.toString());
        if (message != null) {
            variables.add("message", message);
        }
        GraphQlAnswer answer = graphQl(apiUrl, token, mutation, variables.build());
        if (!answer.ok()) {
            return new Answer.NotDelivered(answer.problem());
        }
        JsonValue result = answer.data().get("transactionEventReport");
        if (result == null || result.getValueType() != JsonValue.ValueType.OBJECT) {
            return new Answer.NotDelivered("transactionEventReport answered no result");
        }
        JsonObject report = result.asJsonObject();
        JsonValue errors = report.get("errors");
        if (errors != null && errors.getValueType() == JsonValue.ValueType.ARRAY && !errors.asJsonArray().isEmpty()) {
            return new Answer.Refused("transactionEventReport errors: " + errors);
        }
        return new Answer.Taken(report.get("alreadyProcessed") == JsonValue.TRUE);
    }

    public GraphQlAnswer graphQl(URI apiUrl, String token, String query, JsonObject variables) {
        String body = JSON.createObjectBuilder().add("query", query).add("variables", variables).build().toString();
        Exchange answer = exchange("POST", apiUrl, Map.of(
            "Content-Type", "application/json",
            "Accept", "application/json",
            "Authorization", "Bearer " + token), body.getBytes(StandardCharsets.UTF_8));
        if (!answer.usable()) {
            return new GraphQlAnswer(null, answer.why());
        }
        try {
            JsonObject json = JSON.createReader(new StringReader(new String(answer.body(), StandardCharsets.UTF_8)))
                .readObject();
            JsonValue data = json.get("data");
            if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
                return new GraphQlAnswer(null, "Saleor answered without data: " + json.get("errors"));
            }
            return new GraphQlAnswer(data.asJsonObject(), null);
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return new GraphQlAnswer(null, "Saleor answered a body that is not a JSON object");
        }
    }
}
