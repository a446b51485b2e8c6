package dev.payhooks.adapters.walley;

import dev.payhooks.adapters.notifications.ProviderJson;
import dev.payhooks.adapters.outbound.ProviderGate;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.provider.MalformedNotification;
import dev.payhooks.domain.provider.ProviderConfiguration;
import static dev.payhooks.adapters.api.Jsonp.JSON;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The hub's calls to Walley: an OAuth client-credentials
 * token, cached until shortly before it expires, and the test-only customer-token failure
 * simulation ({@code PUT {apiBase}/purchase/customer-tokens/{token}}): a 401 refreshes the token
 * and retries once, a 503 is retried with backoff, a 404 is "unknown customer token". Every
 * request goes through the {@link ProviderGate}: a base URL that is not Walley's is never called.
 */
public class WalleyClient {

    public static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** A token is renewed this long before Walley says it expires. */
    public static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);
    static final int MAX_ANSWER_BYTES = 256 * 1024;
    static final List<Duration> UNAVAILABLE_BACKOFF = List.of(Duration.ofMillis(500), Duration.ofSeconds(1));

    /** Why a call to Walley did not succeed; {@code status} is Walley's HTTP status (0 when unreachable). */
    public static class WalleyCallFailed extends RuntimeException {
        private final int status;

        public WalleyCallFailed(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Pauses between retries; tests pass one that does not wait. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration);
    }

    private record Token(String value, Instant renewAfter) { }

    private final ProviderGate gate;
    private final Clock clock;
    private final Pause pause;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public WalleyClient(ProviderGate gate, Clock clock, Pause pause) {
        this.gate = gate;
        this.clock = clock;
        this.pause = pause;
    }

    public static WalleyClient create(ProviderGate gate, Clock clock) {
        return new WalleyClient(gate, clock, duration -> {
                try {
                    Thread.sleep(duration.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
    }

    /** The channel's bearer token: cached, or fetched with its client credentials. */
    public String accessToken(ProviderConfiguration configuration) {
        String cacheKey = cacheKey(configuration);
        Token cached = tokens.get(cacheKey);
        if (cached != null && clock.instant().isBefore(cached.renewAfter())) {
            return cached.value();
        }
        Token fresh = fetchToken(configuration);
        tokens.put(cacheKey, fresh);
        return fresh.value();
    }

    /**
     * Sets ({@code reason} present) or clears the simulated authorization failure of a customer
     * token; returns Walley's request id.
     */
    public String simulateAuthorizationFailure(ProviderConfiguration configuration, String customerToken,
                                               Optional<String> reason) {
        String body = reason.map(r -> JSON.createObjectBuilder()
                .add("AuthorizationFailure", JSON.createObjectBuilder().add("Reason", r)).build().toString())
            .orElse("{\"AuthorizationFailure\":null}");
        URI uri = URI.create(base(configuration, "apiBaseUrl") + "/purchase/customer-tokens/"
            + URLEncoder.encode(customerToken, StandardCharsets.UTF_8).replace("+", "%20"));
        boolean refreshed = false;
        int unavailable = 0;
        while (true) {
            ProviderGate.Answer response = send("PUT", uri, Map.of(
                "Authorization", "Bearer " + accessToken(configuration),
                "Content-Type", "application/json",
                "Accept", "application/json"), body);
            int status = response.status();
            if (status == 200 || status == 204) {
                return stringField(response.body(), "id").orElse("");
            }
            if (status == 401 && !refreshed) {
                tokens.remove(cacheKey(configuration));
                refreshed = true;
                continue;
            }
            if (status == 503 && unavailable < UNAVAILABLE_BACKOFF.size()) {
                pause.sleep(UNAVAILABLE_BACKOFF.get(unavailable++));
                continue;
            }
            throw new WalleyCallFailed(status, switch (status) {
                case 401 -> "Walley refused the bearer token, also after a fresh one: check clientId, clientSecret and scope";
                case 404 -> "Walley does not know customer token '" + customerToken + "' for this client";
                case 503 -> "Walley is unavailable (503) after " + (UNAVAILABLE_BACKOFF.size() + 1) + " attempts; try again later";
                default -> "Walley answered " + status + errorMessage(response.body()).map(m -> ": " + m).orElse("");
            });
        }
    }

    private Token fetchToken(ProviderConfiguration configuration) {
        String form = Map.of(
                "client_id", configuration.value("clientId").orElse(""),
                "client_secret", configuration.secret("clientSecret").orElse(""),
                "grant_type", "client_credentials",
                "scope", configuration.value("scope").orElse(""))
            .entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        URI uri = URI.create(base(configuration, "authBaseUrl") + "/oauth2/v2.0/token");
        ProviderGate.Answer response = send("POST", uri, Map.of(
            "Content-Type", "application/x-www-form-urlencoded",
            "Accept", "application/json"), form);
        if (response.status() != 200) {
            throw new WalleyCallFailed(response.status(), "Walley's token endpoint answered " + response.status()
                + ": check clientId, clientSecret, scope and authBaseUrl");
        }
        try {
            JsonObject answer = ProviderJson.object(response.body());
            JsonValue token = answer.get("access_token");
            JsonValue expires = answer.get("expires_in");
            if (!(token instanceof JsonString text) || text.getString().isBlank()) {
                throw new WalleyCallFailed(502, "Walley's token answer has no access_token");
            }
            long seconds = expires instanceof JsonNumber number ? number.longValue()
                : expires instanceof JsonString s && s.getString().matches("[0-9]{1,9}") ? Long.parseLong(s.getString()) : 0;
            Instant renewAfter = clock.instant().plusSeconds(seconds).minus(EXPIRY_MARGIN);
            return new Token(text.getString(), renewAfter);
        } catch (MalformedNotification unreadable) {
            throw new WalleyCallFailed(502, "Walley's token answer is not JSON");
        }
    }

    private ProviderGate.Answer send(String method, URI uri, Map<String, String> headers, String body) {
        try {
            return gate.send(ProviderId.WALLEY, new ProviderGate.Call(method, uri, headers,
                body.getBytes(StandardCharsets.UTF_8), TIMEOUT), MAX_ANSWER_BYTES);
        } catch (ProviderGate.Blocked e) {
            throw new WalleyCallFailed(0, e.getMessage());
        } catch (IOException e) {
            throw new WalleyCallFailed(0, "Walley is unreachable at " + uri.getHost() + " ("
                + e.getClass().getSimpleName() + ")");
        }
    }

    private static String base(ProviderConfiguration configuration, String field) {
        return configuration.value(field)
            .orElseThrow(() -> new WalleyCallFailed(0, "the channel's Walley " + field + " is not configured"))
            .replaceAll("/+$", "");
    }

    private static String cacheKey(ProviderConfiguration configuration) {
        return configuration.value("authBaseUrl").orElse("") + "|" + configuration.value("clientId").orElse("") + "|"
            + configuration.value("scope").orElse("");
    }

    private static Optional<String> stringField(byte[] body, String name) {
        try {
            return body.length == 0 ? Optional.empty()
                : ProviderJson.string(ProviderJson.caseInsensitive(ProviderJson.object(body), "answer"), name, "answer");
        } catch (MalformedNotification unreadable) {
            return Optional.empty();
        }
    }

    /** Walley's {"error": {"message": …}}, cut to a readable length. */
    private static Optional<String> errorMessage(byte[] body) {
        try {
            JsonValue error = ProviderJson.object(body).get("error");
            if (error instanceof JsonObject object && object.get("message") instanceof JsonString message) {
                String text = message.getString();
                return Optional.of(text.length() > 200 ? text.substring(0, 200) + "…" : text);
            }
        } catch (MalformedNotification unreadable) {
            // no readable error body
        }
        return Optional.empty();
    }
}
