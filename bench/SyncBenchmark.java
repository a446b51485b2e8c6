import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sync webhook overhead: Saleor's {@code TRANSACTION_INITIALIZE_SESSION}
 * round trip through a running Payhooks server on PostgreSQL, with the provider simulator in
 * this JVM answering at once, sent open-loop at a fixed rate; the hub's own time is the round
 * trip minus the simulator's handling time of the same request.
 *
 *   ./mvnw -pl app -am package -DskipTests
 *   bench/run SyncBenchmark [adyen|np-atobarai] [rate=200] [seconds=60] [db=payhooks_sync] [warm-up seconds=20]
 *
 * This JVM plays Saleor: an RSA 2048 key pair, its JWKS at {@code /.well-known/jwks.json}, the
 * GraphQL endpoint the hub calls ({@code app { id }} at registration; {@code transactionEventReport}
 * and {@code orderNoteAdd} are answered and counted should the hub send any), and every webhook
 * body signed as Saleor does (JWS RS256, detached unencoded payload, {@code "b64": false}).
 * It registers the app ({@code /api/saleor/{provider}/register}), opens a channel whose provider
 * API base URL points at the simulator here (Adyen Checkout {@code /payments} → {@code Authorised};
 * NP Atobarai {@code transactions} → {@code authori_result 00}) and then sends one new
 * transaction per webhook: intended send times are fixed in advance (rate per second), a pool of
 * keep-alive HTTP/1.1 connections sends each one at its time or as soon as a connection is free,
 * and latency counts from the intended time (no coordinated omission) to the last byte of the
 * answer. Bodies are signed before the run, so signing costs this JVM nothing while measuring.
 * The simulator records, per request (by the idempotency key / NP shop transaction id), the time
 * from its handler's start to the answer's last byte; hub's own time = round trip − that.
 *
 * System properties: {@code -Dbench.connections=64} (connection pool), {@code -Dbench.jvm=…}
 * (server JVM options, see Bench.start).
 */
public class SyncBenchmark {

    static final String APP_ID = "QXBwOjQy";
    static final String TOKEN = "saleor-bench-app-token";
    static final String KID = "saleor-bench-1";
    static final String EVENT = "transaction_initialize_session";
    static final long SALEOR_SYNC_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    public static void main(String[] args) throws Exception {
        String provider = args.length > 0 ? args[0] : "adyen";
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String database = args.length > 3 ? args[3] : "payhooks_sync";
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int connections = Integer.getInteger("bench.connections", 64);
        if (!provider.equals("adyen") && !provider.equals("np-atobarai")) {
            throw new IllegalArgumentException("provider must be adyen or np-atobarai, not " + provider);
        }

        int warmUpRequests = rate * warmUp;
        int total = warmUpRequests + rate * seconds;
        String run = Long.toString(System.currentTimeMillis() % 0xffffffffL, 16);
        Scenario scenario = provider.equals("adyen") ? new Adyen(run) : new NpAtobarai(run);

        // Saleor and the provider, both in this JVM
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Simulator simulator = new Simulator(total, scenario);
        FakeSaleor saleor = new FakeSaleor((RSAPublicKey) keys.getPublic());
        String apiUrl = saleor.base() + "/graphql/";

        String dbUrl = Bench.freshPostgres(database);
        Path work = Files.createTempDirectory("payhooks-sync");
        var http = Bench.client();
        int port = Bench.freePort();
        long startedAt = System.nanoTime();
        Bench.Server server = Bench.start(work, port, Map.of("PAYHOOKS_DB_URL", dbUrl, "PAYHOOKS_SALEOR_ALLOWED_URLS", apiUrl));
        // sign every webhook while the server starts
        ExecutorService signers = Executors.newSingleThreadExecutor();
        Future<byte[][]> signed = signers.submit(() -> requests(scenario, keys.getPrivate(), total, port, apiUrl));
        try {
            double ready = Bench.awaitReady(http, server, startedAt);
            System.out.printf("server ready after %.1f s, RSS %.0f MiB; %s, %d req/s, %d s warm-up + %d s measured, %d connections%n",
                ready, server.rssMiB(), provider, rate, warmUp, seconds, connections);
            scenario.configure(http, server, simulator.base());
            String registered = post(http, server.base() + "/api/saleor/" + provider + "/register",
                "{\"auth_token\": \"" + TOKEN + "\"}", Map.of("Saleor-Api-Url", apiUrl));
            if (!registered.contains("\"success\":true")) {
                throw new IllegalStateException("registration refused: " + registered);
            }
            long signing = System.nanoTime();
            byte[][] requests = signed.get();
            System.out.printf("app registered; %,d signed webhooks ready (waited %.1f s for the signing)%n",
                requests.length, (System.nanoTime() - signing) / 1e9);

            Load load = new Load(requests, rate, warmUpRequests, connections, scenario, simulator, saleor);
            load.run(server, seconds);
            load.report();
        } finally {
            signers.shutdownNow();
            server.stop();
            simulator.stop();
            saleor.stop();
        }
        System.exit(0);
    }

    // ---- what is sent --------------------------------------------------------------------------

    /** One provider's side: the channel, the webhook body of request {@code i}, the simulator's answer. */
    interface Scenario {
        String provider();

        String expectedResult();

        void configure(java.net.http.HttpClient http, Bench.Server server, String simulatorBase);

        String body(int i);

        /** The provider reference the simulator gives request {@code i}; the hub must pass it on to Saleor. */
        String pspReference(int i);

        /** The simulator's path (exact) and its answer to one request, or null for a 404. */
        String simulatorPath();

        /** Which request a provider call belongs to (-1 if unknown) and its answer. */
        int correlate(String idempotencyKey, String body);

        String answer(int i, String body);

        /** The provider's credentials check on the hub's call. */
        boolean authorized(com.sun.net.httpserver.Headers headers);
    }

    /** A Saleor-like UUID token that carries the run and the request number. */
    static String token(String run, int i) {
        return String.format("%8s-0000-4000-8000-%012x", run, i).replace(' ', '0');
    }

    static int fromToken(String token) {
        try {
            return token == null || token.length() < 12 ? -1 : (int) Long.parseLong(token.substring(token.length() - 12), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String transactionId(String run, int i) {
        return Base64.getEncoder().encodeToString(("TransactionItem:" + run + "-" + i).getBytes(StandardCharsets.UTF_8));
    }

    /** Adyen, as AdyenSaleorIT: AUTHORIZE capture strategy, an AUTHORIZATION with a test card → AUTHORIZATION_SUCCESS. */
    static final class Adyen implements Scenario {
        static final String SLUG = "bench-eu";
        static final String API_KEY = "adyen-bench-api-key-1234";
        static final String MERCHANT = "Bench_ECOM";
        final String run;

        Adyen(String run) {
            this.run = run;
        }

        public String provider() {
            return "adyen";
        }

        public String expectedResult() {
            return "AUTHORIZATION_SUCCESS";
        }

        public void configure(java.net.http.HttpClient http, Bench.Server server, String simulatorBase) {
            Bench.manage(http, server, "POST", "channels", "{\"slug\": \"" + SLUG + "\", \"name\": \"Bench EU\", \"currency\": \"EUR\", "
                + "\"country\": \"DE\"}");
            Bench.manage(http, server, "PUT", "channels/" + SLUG + "/providers/adyen", """
                {"apiKey": "%s", "merchantAccount": "%s", "clientKey": "test_CK", "environment": "TEST",
                 "captureStrategy": "AUTHORIZE", "hmacKeys": ["DFB1EB5485895CFA84146406857104ABB4CBCABDC8AAF103A624C8F6A3EAAB00"],
                 "notificationUsername": "adyen", "notificationPassword": "adyen-bench-password",
                 "apiBaseUrl": "%s/v71"}""".formatted(API_KEY, MERCHANT, simulatorBase));
        }

        public String body(int i) {
            String saleorTx = transactionId(run, i);
            return """
                {"__typename": "TransactionInitializeSession", "version": "3.21.0", "issuedAt": "2026-11-20T10:00:05+00:00",
                 "recipient": {"id": "%s"}, "idempotencyKey": "%s", "merchantReference": "%s",
                 "data": {"paymentMethod": {"type": "scheme", "encryptedCardNumber": "test_4111111145551142",
                   "encryptedExpiryMonth": "test_03", "encryptedExpiryYear": "test_2030", "encryptedSecurityCode": "test_737",
                   "holderName": "Anna Berg"}, "returnUrl": "https://shop.example/return"},
                 "action": {"amount": 24.00, "currency": "EUR", "actionType": "AUTHORIZATION"},
                 "transaction": {"id": "%s", "token": "%s", "pspReference": ""},
                 "sourceObject": %s}""".formatted(APP_ID, token(run, i), saleorTx, saleorTx, token(run, i), checkout());
        }

        static String checkout() {
            String address = """
                {"firstName": "Anna", "lastName": "Berg", "companyName": "", "streetAddress1": "Hauptstr. 1",
                 "streetAddress2": "", "city": "Berlin", "cityArea": "", "postalCode": "10115", "countryArea": "",
                 "country": {"code": "DE"}, "phone": "+49301234567"}""";
            return """
                {"__typename": "Checkout", "id": "Q2hlY2tvdXQ6OQ==", "email": "anna@example.test", "created": "2026-11-20T09:58:00+00:00",
                 "channel": {"id": "Q2hhbm5lbDo5", "slug": "%s", "currencyCode": "EUR"},
                 "totalPrice": {"gross": {"amount": 24.00, "currency": "EUR"}},
                 "shippingPrice": {"gross": {"amount": 4.00}}, "discount": {"amount": 0},
                 "billingAddress": %s, "shippingAddress": %s,
                 "lines": [{"id": "Q2hlY2tvdXRMaW5lOjk=", "quantity": 2,
                   "variant": {"sku": "CUP", "name": "Blue", "product": {"name": "Tea cup"}},
                   "unitPrice": {"gross": {"amount": 10.00}}, "totalPrice": {"gross": {"amount": 20.00}}}]}"""
                .formatted(SLUG, address, address);
        }

        public boolean authorized(com.sun.net.httpserver.Headers headers) {
            return API_KEY.equals(headers.getFirst("X-API-Key"));
        }

        public String pspReference(int i) {
            // Adyen's pspReferences are 16 alphanumeric characters
            return String.format("B%15s", Integer.toString(i, 36).toUpperCase()).replace(' ', '0');
        }

        public String simulatorPath() {
            return "/v71/payments";
        }

        public int correlate(String idempotencyKey, String body) {
            return fromToken(idempotencyKey);
        }

        public String answer(int i, String body) {
            String reference = between(body, "\"reference\":\"", "\"");
            if (!body.contains("\"merchantAccount\":\"" + MERCHANT + "\"") || reference == null) {
                return null;
            }
            // the shape of Adyen's /payments answer for an authorised card payment
            return """
                {"additionalData":{"cardSummary":"1142","authCode":"%06d"},"pspReference":"%s","resultCode":"Authorised",\
                "amount":{"currency":"EUR","value":2400},"merchantReference":"%s","paymentMethod":{"brand":"visa","type":"scheme"}}"""
                .formatted(i % 1_000_000, pspReference(i), reference);
        }
    }

    /** NP Atobarai, as SaleorNpAtobaraiIT: a JPY CHARGE the credit check approves at once (00) → CHARGE_SUCCESS. */
    static final class NpAtobarai implements Scenario {
        static final String SLUG = "bench-jp";
        final String run;

        NpAtobarai(String run) {
            this.run = run;
        }

        public String provider() {
            return "np-atobarai";
        }

        public String expectedResult() {
            return "CHARGE_SUCCESS";
        }

        public void configure(java.net.http.HttpClient http, Bench.Server server, String simulatorBase) {
            Bench.manage(http, server, "POST", "channels", "{\"slug\": \"" + SLUG + "\", \"name\": \"Bench JP\", \"currency\": \"JPY\", "
                + "\"country\": \"JP\"}");
            Bench.manage(http, server, "PUT", "channels/" + SLUG + "/providers/np-atobarai",
                "{\"merchantCode\": \"bench-merchant\", \"secretSpCode\": \"bench-sp-secret\", \"terminalId\": \"bench-terminal\","
                    + " \"shippingCompanyCode\": \"50000\", \"skuAsName\": true, \"apiBaseUrl\": \"" + simulatorBase + "/v1/\"}");
        }

        public String body(int i) {
            String saleorTx = transactionId(run, i);
            String address = """
                {"firstName": "Hanako", "lastName": "Yamada", "companyName": "", "streetAddress1": "1-2-3 Shibuya",
                 "streetAddress2": "", "city": "Shibuya-ku", "cityArea": "", "postalCode": "150-0002",
                 "countryArea": "Tokyo", "country": {"code": "JP"}, "phone": "+81312345678"}""";
            String checkout = """
                {"__typename": "Checkout", "id": "Q2hlY2tvdXQ6MQ==", "email": "hanako@example.jp", "created": "2026-11-20T09:58:00+00:00",
                 "channel": {"id": "Q2hhbm5lbDox", "slug": "%s", "currencyCode": "JPY"},
                 "totalPrice": {"gross": {"amount": 2100, "currency": "JPY"}},
                 "shippingPrice": {"gross": {"amount": 200}}, "discount": {"amount": 100},
                 "billingAddress": %s, "shippingAddress": %s,
                 "lines": [{"id": "Q2hlY2tvdXRMaW5lOjE=", "quantity": 2,
                   "variant": {"sku": "TEST-SKU", "name": "Blue", "product": {"name": "Tea cup"}},
                   "unitPrice": {"gross": {"amount": 1000}}, "totalPrice": {"gross": {"amount": 2000}}}]}"""
                .formatted(SLUG, address, address);
            return """
                {"__typename": "TransactionInitializeSession", "version": "3.21.0", "issuedAt": "2026-11-20T10:00:05+00:00",
                 "recipient": {"id": "%s"}, "idempotencyKey": "idem-%s", "merchantReference": "%s", "data": null,
                 "action": {"amount": 2100, "currency": "JPY", "actionType": "CHARGE"},
                 "transaction": {"id": "%s", "token": "%s", "pspReference": ""},
                 "sourceObject": %s}""".formatted(APP_ID, token(run, i), saleorTx, saleorTx, token(run, i), checkout);
        }

        public boolean authorized(com.sun.net.httpserver.Headers headers) {
            return ("Basic " + Base64.getEncoder().encodeToString("bench-merchant:bench-sp-secret".getBytes(StandardCharsets.UTF_8)))
                .equals(headers.getFirst("Authorization")) && "bench-terminal".equals(headers.getFirst("X-NP-Terminal-Id"));
        }

        public String pspReference(int i) {
            // NP transaction ids are 11 characters
            return String.format("%011d", 10_000_000_000L + i).substring(0, 11);
        }

        public String simulatorPath() {
            return "/v1/transactions";
        }

        public int correlate(String idempotencyKey, String body) {
            return fromToken(between(body, "\"shop_transaction_id\":\"", "\""));
        }

        public String answer(int i, String body) {
            if (!body.contains("\"billed_amount\":2100")) {
                return null;
            }
            return "{\"results\":[{\"np_transaction_id\":\"" + pspReference(i) + "\",\"authori_result\":\"00\"}]}";
        }
    }

    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            return null;
        }
        from += start.length();
        int to = text.indexOf(end, from);
        return to < 0 ? null : text.substring(from, to);
    }

    /** Every webhook as the bytes of an HTTP/1.1 request, signed as Saleor signs (done before the run). */
    static byte[][] requests(Scenario scenario, PrivateKey key, int total, int port, String apiUrl) throws Exception {
        String header = b64url(("{\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"b64\":false,\"crit\":[\"b64\"]}")
            .getBytes(StandardCharsets.UTF_8));
        byte[] headerDot = (header + ".").getBytes(StandardCharsets.US_ASCII);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        byte[][] requests = new byte[total][];
        String path = "/api/saleor/" + scenario.provider() + "/webhooks/" + EVENT;
        for (int i = 0; i < total; i++) {
            byte[] body = scenario.body(i).getBytes(StandardCharsets.UTF_8);
            rsa.initSign(key);
            rsa.update(headerDot);
            rsa.update(body);
            String signature = header + ".." + b64url(rsa.sign());
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Saleor-Api-Url: " + apiUrl + "\r\nSaleor-Event: " + EVENT + "\r\nSaleor-Domain: 127.0.0.1\r\n"
                + "Saleor-Signature: " + signature + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            requests[i] = request;
        }
        return requests;
    }

    static String b64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A big-endian unsigned integer as JWK wants it (no sign byte). */
    static String b64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return b64url(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    static String post(java.net.http.HttpClient http, String url, String json, Map<String, String> headers) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(java.time.Duration.ofSeconds(30))
            .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    // ---- Saleor and the provider --------------------------------------------------------------

    static HttpServer listen(int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return server;
    }

    static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The provider, answering at once; it records its own handling time per request. */
    static final class Simulator {
        final HttpServer http;
        final AtomicLongArray handlingNanos;
        final LongAdder calls = new LongAdder();
        final LongAdder uncorrelated = new LongAdder();
        final LongAdder refused = new LongAdder();

        Simulator(int total, Scenario scenario) throws IOException {
            handlingNanos = new AtomicLongArray(total);
            http = listen(8);
            http.createContext("/", exchange -> {
                long started = System.nanoTime();
                calls.increment();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int i = scenario.correlate(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body);
                String answer = !"POST".equals(exchange.getRequestMethod()) || !scenario.simulatorPath().equals(exchange.getRequestURI().getPath())
                    || i < 0 || i >= total ? null : scenario.answer(i, body);
                if (!scenario.authorized(exchange.getRequestHeaders())) {
                    refused.increment();
                    send(exchange, 401, "{\"status\":401,\"errorCode\":\"000\",\"message\":\"HTTP Status Response - Unauthorized\","
                        + "\"errorType\":\"security\"}");
                } else if (answer == null) {
                    refused.increment();
                    send(exchange, 422, "{\"status\":422,\"errorCode\":\"000\",\"message\":\"bench simulator: unexpected request\","
                        + "\"errorType\":\"validation\"}");
                } else {
                    send(exchange, 200, answer);
                }
                if (i >= 0 && i < total) {
                    handlingNanos.set(i, System.nanoTime() - started);
                } else {
                    uncorrelated.increment();
                }
            });
        }

        String base() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        void stop() {
            http.stop(0);
        }
    }

    /** Saleor's side the hub may call: JWKS and GraphQL. */
    static final class FakeSaleor {
        final HttpServer http;
        final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
        final AtomicBoolean measuring = new AtomicBoolean();
        final LongAdder callsWhileMeasuring = new LongAdder();

        FakeSaleor(RSAPublicKey key) throws IOException {
            String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + KID + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + b64url(key.getModulus()) + "\",\"e\":\"" + b64url(key.getPublicExponent()) + "\"}]}";
            http = listen(4);
            http.createContext("/.well-known/jwks.json", exchange -> {
                count("JWKS");
                send(exchange, 200, jwks);
            });
            http.createContext("/graphql/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    count("GraphQL without the app token");
                    send(exchange, 401, "{\"errors\":[{\"message\":\"invalid token\"}]}");
                } else if (body.contains("app { id }") || body.contains("app{id}")) {
                    count("GraphQL app { id }");
                    send(exchange, 200, "{\"data\":{\"app\":{\"id\":\"" + APP_ID + "\"}}}");
                } else if (body.contains("transactionEventReport(")) {
                    count("GraphQL transactionEventReport");
                    send(exchange, 200, "{\"data\":{\"transactionEventReport\":{\"alreadyProcessed\":false,"
                        + "\"transactionEvent\":{\"id\":\"VHJhbnNhY3Rpb25FdmVudDo5\"},\"errors\":[]}}}");
                } else if (body.contains("orderNoteAdd")) {
                    count("GraphQL orderNoteAdd");
                    send(exchange, 200, "{\"data\":{\"orderNoteAdd\":{\"event\":{\"id\":\"RXZlbnQ6MQ==\"},\"errors\":[]}}}");
                } else {
                    count("GraphQL other");
                    send(exchange, 200, "{\"data\":null,\"errors\":[{\"message\":\"bench Saleor: unexpected query\"}]}");
                }
            });
        }

        void count(String what) {
            calls.computeIfAbsent(what, k -> new LongAdder()).increment();
            if (measuring.get()) {
                callsWhileMeasuring.increment();
            }
        }

        String base() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        void stop() {
            http.stop(0);
        }
    }

    // ---- the load -------------------------------------------------------------------------------

    /**
     * Open loop in two phases over one pool of keep-alive connections: the warm-up (unmeasured),
     * then, once its answers are in (or its grace time is over), the measured phase on a fresh
     * schedule. Within a phase request i is due at phaseStart + (i - first) / rate; a free
     * connection takes the next request and sends it at its due time, or at once if it is late.
     */
    static final class Load {
        final byte[][] requests;
        final int rate;
        final int warmUpRequests;
        final int connections;
        final Scenario scenario;
        final Simulator simulator;
        final FakeSaleor saleor;
        final int total;
        // per request; roundTrip -1 = not answered
        final long[] roundTrip;
        final long[] sendDelay;
        final int[] status;
        final String[] result;
        final boolean[] pspOk;
        final LongAdder broken = new LongAdder();
        final LongAdder retried = new LongAdder();
        final java.util.concurrent.ConcurrentLinkedQueue<Connection> idle = new java.util.concurrent.ConcurrentLinkedQueue<>();
        final java.util.Set<Connection> busy = ConcurrentHashMap.newKeySet();
        Phase measured;
        long cpuTicks;
        double cpuSeconds;
        double rss;

        Load(byte[][] requests, int rate, int warmUpRequests, int connections, Scenario scenario, Simulator simulator,
             FakeSaleor saleor) {
            this.requests = requests;
            this.rate = rate;
            this.warmUpRequests = warmUpRequests;
            this.connections = connections;
            this.scenario = scenario;
            this.simulator = simulator;
            this.saleor = saleor;
            this.total = requests.length;
            roundTrip = new long[total];
            sendDelay = new long[total];
            status = new int[total];
            result = new String[total];
            pspOk = new boolean[total];
            Arrays.fill(roundTrip, -1);
        }

        record Connection(Socket socket, InputStream in) {
            void close() {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }

        /** Requests [first, last) due from start on; unanswered at the deadline = abandoned. */
        final class Phase {
            final int first;
            final int last;
            final long start;
            final long end;
            final long deadline;
            final AtomicInteger next;
            final AtomicInteger active = new AtomicInteger();
            volatile boolean over;

            Phase(int first, int last, long graceNanos) {
                this.first = first;
                this.last = last;
                this.start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
                this.end = due(last);
                this.deadline = end + graceNanos;
                this.next = new AtomicInteger(first);
            }

            long due(int i) {
                return start + (long) ((i - first) * (1e9 / rate));
            }

            /** Runs the phase; returns the time its last answer came (or the deadline). */
            long run(int port) throws InterruptedException, IOException {
                // the pool is opened before the schedule starts: no connection set-up inside a measurement
                for (int open = idle.size(); open < connections; open++) {
                    idle.add(connect(port));
                }
                List<Thread> threads = new ArrayList<>();
                for (int c = 0; c < connections; c++) {
                    Thread thread = new Thread(() -> connection(this, port), "connection-" + c);
                    thread.setDaemon(true);
                    thread.start();
                    threads.add(thread);
                }
                sleepUntil(end);
                while (System.nanoTime() < deadline && !(next.get() >= last && active.get() == 0)) {
                    Thread.sleep(5);
                }
                long finished = System.nanoTime();
                over = true;
                busy.forEach(Connection::close); // abandons what is still in flight
                for (Thread thread : threads) {
                    thread.join(5000);
                }
                return finished;
            }

            int answered() {
                int n = 0;
                for (int i = first; i < last; i++) {
                    n += roundTrip[i] >= 0 ? 1 : 0;
                }
                return n;
            }
        }

        void run(Bench.Server server, int seconds) throws Exception {
            if (warmUpRequests > 0) {
                Phase warmUp = new Phase(0, warmUpRequests, TimeUnit.SECONDS.toNanos(60));
                long finished = warmUp.run(server.port());
                int answered = warmUp.answered();
                System.out.printf("warm-up: %,d webhooks at %d req/s over %.0f s, %,d answered (drained %.1f s after the last "
                        + "due time)%s%n", warmUpRequests, rate, (warmUp.end - warmUp.start) / 1e9, answered,
                    (finished - warmUp.end) / 1e9, answered < warmUpRequests
                        ? "; " + (warmUpRequests - answered) + " abandoned after 60 s: the server is still busy with them" : "");
            }
            measured = new Phase(warmUpRequests, total, TimeUnit.SECONDS.toNanos(Math.max(20, seconds / 2)));
            long cpuBefore = Bench.cpuTicks(server.pid());
            saleor.measuring.set(true);
            long finished = measured.run(server.port());
            saleor.measuring.set(false);
            cpuTicks = Bench.cpuTicks(server.pid()) - cpuBefore;
            cpuSeconds = (finished - measured.start) / 1e9;
            rss = server.rssMiB();
            idle.forEach(Connection::close);
        }

        void connection(Phase phase, int port) {
            Connection connection = null;
            try {
                while (!phase.over) {
                    phase.active.incrementAndGet(); // before taking a request, so the phase never ends without it
                    try {
                        int i = phase.next.getAndIncrement();
                        if (i >= phase.last) {
                            return;
                        }
                        long due = phase.due(i);
                        sleepUntil(due);
                        if (System.nanoTime() > phase.deadline || phase.over) {
                            return; // never sent: stays unanswered
                        }
                        if (connection == null) {
                            connection = idle.poll();
                        }
                        boolean fresh = connection == null;
                        if (fresh) {
                            connection = connect(port);
                        }
                        busy.add(connection);
                        long sent = System.nanoTime();
                        Bench.Answer answer;
                        try {
                            answer = exchange(connection, requests[i]);
                        } catch (IOException closedWhileIdle) {
                            if (fresh || phase.over) {
                                throw closedWhileIdle;
                            }
                            // a kept-alive connection the server had closed: once more on a new one, as HTTP clients do
                            retried.increment();
                            busy.remove(connection);
                            connection.close();
                            connection = connect(port);
                            busy.add(connection);
                            answer = exchange(connection, requests[i]);
                        }
                        long done = System.nanoTime();
                        busy.remove(connection);
                        sendDelay[i] = sent - due;
                        status[i] = answer.status();
                        String text = answer.text();
                        result[i] = answer.status() == 200 ? between(text, "\"result\":\"", "\"") : null;
                        pspOk[i] = text.contains("\"pspReference\":\"" + scenario.pspReference(i) + "\"");
                        roundTrip[i] = done - due;
                    } catch (IOException brokenConnection) {
                        if (!phase.over) {
                            broken.increment();
                        }
                        if (connection != null) {
                            busy.remove(connection);
                            connection.close();
                        }
                        connection = null;
                    } finally {
                        phase.active.decrementAndGet();
                    }
                }
            } finally {
                if (connection != null && !connection.socket().isClosed()) {
                    idle.add(connection);
                }
            }
        }

        static Connection connect(int port) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            return new Connection(socket, new BufferedInputStream(socket.getInputStream(), 16 * 1024));
        }

        static Bench.Answer exchange(Connection connection, byte[] request) throws IOException {
            OutputStream out = connection.socket().getOutputStream();
            out.write(request);
            out.flush();
            return Bench.readAnswer(connection.in(), true);
        }

        void report() {
            int first = measured.first;
            int count = total - first;
            List<Long> trips = new ArrayList<>();
            List<Long> hub = new ArrayList<>();
            List<Long> sim = new ArrayList<>();
            List<Long> late = new ArrayList<>();
            Map<String, Integer> results = new TreeMap<>();
            int non2xx = 0;
            int wrongPsp = 0;
            int noSimulatorCall = 0;
            int overSaleorTimeout = 0;
            long lastDone = measured.start;
            for (int i = first; i < total; i++) {
                if (roundTrip[i] < 0) {
                    continue;
                }
                trips.add(roundTrip[i]);
                long simulated = simulator.handlingNanos.get(i);
                if (simulated == 0) {
                    noSimulatorCall++;
                }
                sim.add(simulated);
                hub.add(roundTrip[i] - simulated);
                late.add(sendDelay[i]);
                lastDone = Math.max(lastDone, measured.due(i) + roundTrip[i]);
                if (status[i] / 100 != 2) {
                    non2xx++;
                    results.merge("HTTP " + status[i], 1, Integer::sum);
                } else {
                    results.merge(result[i] == null ? "(no result)" : result[i], 1, Integer::sum);
                    if (!pspOk[i]) {
                        wrongPsp++;
                    }
                }
                if (roundTrip[i] > SALEOR_SYNC_TIMEOUT_NANOS) {
                    overSaleorTimeout++;
                }
            }
            int answered = trips.size();
            int unanswered = count - answered;
            double window = (lastDone - measured.start) / 1e9;
            int successes = results.getOrDefault(scenario.expectedResult(), 0);
            System.out.printf("measured: %,d webhooks due at %d req/s over %.0f s; answered %,d in %.1f s = %.1f req/s achieved; "
                    + "unanswered %d, non-2xx %d, broken connections %d, resent on a new connection %d%n",
                count, rate, (measured.end - measured.start) / 1e9, answered, window, answered / window, unanswered, non2xx,
                broken.sum(), retried.sum());
            System.out.printf("results: %s (expected %s: %,d of %,d; wrong or missing pspReference %d; no simulator call %d; "
                    + "simulator refused %d)%n", results, scenario.expectedResult(), successes, count, wrongPsp, noSimulatorCall,
                simulator.refused.sum());
            line("round trip (due time -> last byte of the answer)", trips);
            line("simulator's own handling", sim);
            line("hub's own time (round trip - simulator)", hub);
            line("sent after due time (client side queueing)", late);
            if (unanswered > 0) {
                System.out.printf("NOTE: %d measured webhooks got no answer within %.0f s after the last due time; the percentiles "
                    + "cover only the answered ones and understate the latency%n", unanswered,
                    (measured.deadline - measured.end) / 1e9);
            }
            if (overSaleorTimeout > 0) {
                System.out.printf("answers later than Saleor's ~20 s sync timeout (Saleor records them as failures): %d%n",
                    overSaleorTimeout);
            }
            System.out.printf("server CPU %.2f cores over the measured phase (%.1f ms of CPU per answered webhook), RSS %.0f MiB%n",
                cpuTicks / 100.0 / cpuSeconds, answered == 0 ? Double.NaN : cpuTicks * 10.0 / answered, rss);
            System.out.printf("Saleor calls by the hub, whole run: %s; while measuring: %d; simulator calls %,d (uncorrelated %d)%n",
                saleor.calls, saleor.callsWhileMeasuring.sum(), simulator.calls.sum(), simulator.uncorrelated.sum());
            long[] hubSorted = hub.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("target hub's own p99 <= 25 ms at %d req/s: %s (p99 %.1f ms)%n", rate,
                unanswered == 0 && Bench.pct(hubSorted, 0.99) <= 25 && successes == count ? "met" : "NOT met",
                Bench.pct(hubSorted, 0.99));
        }

        static void line(String label, List<Long> nanos) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  %-50s p50 %8.1f ms  p99 %8.1f ms  p99.9 %8.1f ms  max %8.1f ms%n", label, Bench.pct(sorted, 0.5),
                Bench.pct(sorted, 0.99), Bench.pct(sorted, 0.999), Bench.pct(sorted, 1.0));
        }
    }

    static void sleepUntil(long nanoTime) {
        for (long now = System.nanoTime(); now < nanoTime; now = System.nanoTime()) {
            LockSupport.parkNanos(nanoTime - now);
        }
    }
}
