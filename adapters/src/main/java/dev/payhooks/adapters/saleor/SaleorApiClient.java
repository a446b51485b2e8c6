package dev.payhooks.adapters.saleor;

import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Calls to a Saleor instance: its GraphQL API with the app token, and its JWKS. Every call is
 * bounded by {@code timeout} (5 s in production): a Saleor that does not
 * answer in time is treated like one that cannot be reached, and the caller continues.
 */
public class SaleorApiClient {

    static final int MAX_ANSWER_BYTES = 512 * 1024;
    /** The contract's bound on every Saleor call ({@code payhooks.saleor.timeout} defaults to it). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final Duration timeout;

    public SaleorApiClient(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
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
        URI jwksUrl = apiUrl.resolve("/.well-known/jwks.json");
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(jwksUrl).timeout(timeout)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length > MAX_ANSWER_BYTES) {
                return Optional.empty();
            }
            String text = new String(response.body(), StandardCharsets.UTF_8);
            com.nimbusds.jose.jwk.JWKSet.parse(text);
            return Optional.of(text);
        } catch (IOException | java.text.ParseException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    /** How Saleor took a {@code transactionEventReport}. */
    public sealed interface ReportAnswer {
        /** Recorded now, or before ({@code alreadyProcessed: true}): done either way. */
        record Taken(boolean alreadyProcessed) implements ReportAnswer { }

        /** Saleor answered with {@code errors} (e.g. INCORRECT_DETAILS): the same report will never be taken. */
        record Refused(String reason) implements ReportAnswer { }

        /** No usable answer (timeout, unreachable, HTTP error, no data): worth trying again later. */
        record NotDelivered(String reason) implements ReportAnswer { }
    }

    /**
     * Reports a provider outcome of a transaction ({@code transactionEventReport}). {@code amount}
     * is in major units; {@code message} may be null.
     */
    public ReportAnswer reportTransactionEvent(URI apiUrl, String token, String transactionId, String pspReference,
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
            return new ReportAnswer.NotDelivered(answer.problem());
        }
        JsonValue result = answer.data().get("transactionEventReport");
        if (result == null || result.getValueType() != JsonValue.ValueType.OBJECT) {
            return new ReportAnswer.NotDelivered("transactionEventReport answered no result");
        }
        JsonObject report = result.asJsonObject();
        JsonValue errors = report.get("errors");
        if (errors != null && errors.getValueType() == JsonValue.ValueType.ARRAY && !errors.asJsonArray().isEmpty()) {
            return new ReportAnswer.Refused("transactionEventReport errors: " + errors);
        }
        return new ReportAnswer.Taken(report.get("alreadyProcessed") == JsonValue.TRUE);
    }

    public GraphQlAnswer graphQl(URI apiUrl, String token, String query, JsonObject variables) {
        String body = JSON.createObjectBuilder().add("query", query).add("variables", variables).build().toString();
        HttpRequest request = HttpRequest.newBuilder(apiUrl).timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException e) {
            return new GraphQlAnswer(null, "Saleor did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new GraphQlAnswer(null, "Saleor could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GraphQlAnswer(null, "interrupted");
        }
        if (response.statusCode() != 200 || response.body().length > MAX_ANSWER_BYTES) {
            return new GraphQlAnswer(null, "Saleor answered HTTP " + response.statusCode());
        }
        try {
            JsonObject json = JSON.createReader(new StringReader(new String(response.body(), StandardCharsets.UTF_8)))
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
