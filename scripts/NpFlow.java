import com.sun.net.httpserver.HttpServer;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drives the whole NP Atobarai flow against a running Payhooks in sandbox mode, printing every
 * answer: register (with a fake Saleor this program serves: GraphQL + JWKS), gateway
 * initialize, initialize (held with RE015), process (address fixed → success), tracking number
 * (reported by the server's worker; the order note arrives here), partial refund after shipment.
 *
 *   PAYHOOKS_SALEOR_ALLOWED_URLS=http://127.0.0.1:18766/graphql/ PAYHOOKS_API_KEY=phk_… java -jar app/target/payhooks.jar
 *   PAYHOOKS_API_KEY=phk_… java scripts/NpFlow.java [http://127.0.0.1:8080] [18766]
 *
 * The server's address is the first argument, else {@code PAYHOOKS_PUBLIC_URL}, else port 8080: a
 * server started with {@code --port 9090} is reached with {@code http://127.0.0.1:9090}. The NP
 * simulator it points the channel at is the server's own, at the port it listens on.
 *
 * Only the JDK is needed. The channel "jp-store" is created (or reused) with NP settings that
 * point at the server's own simulator.
 */
public class NpFlow {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String APP_ID = "QXBwOkZsb3c=";
    static final String SALEOR_TX = "VHJhbnNhY3Rpb25JdGVtOg" + UUID.randomUUID().toString().substring(0, 8);
    static final String TOKEN = UUID.randomUUID().toString();
    static final LinkedBlockingQueue<String> NOTES = new LinkedBlockingQueue<>();

    static String base;
    static String apiUrl;
    static String apiKey;
    static KeyPair keys;

    public static void main(String[] args) throws Exception {
        // the server's address: the argument, else its public URL setting, else the default port
        String publicUrl = System.getenv("PAYHOOKS_PUBLIC_URL");
        base = (args.length > 0 ? args[0] : publicUrl != null && !publicUrl.isBlank() ? publicUrl : "http://127.0.0.1:8080")
            .replaceAll("/+$", "");
        int saleorPort = args.length > 1 ? Integer.parseInt(args[1]) : 18766;
        apiKey = System.getenv("PAYHOOKS_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            System.err.println("Set PAYHOOKS_API_KEY to the server's management API key.");
            System.exit(2);
        }
        apiUrl = "http://127.0.0.1:" + saleorPort + "/graphql/";
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        HttpServer saleor = fakeSaleor(saleorPort);
        try {
            run();
        } finally {
            saleor.stop(0);
        }
    }

    static void run() throws Exception {
        step("channel", call("POST", "/api/v1/channels",
            "{\"slug\": \"jp-store\", \"name\": \"Japan\", \"currency\": \"JPY\", \"country\": \"JP\"}",
            Map.of("Authorization", "Bearer " + apiKey)));
        step("NP Atobarai settings (sandbox simulator)", call("PUT", "/api/v1/channels/jp-store/providers/np-atobarai",
            "{\"merchantCode\": \"flow-merchant\", \"secretSpCode\": \"flow-sp-code\", \"terminalId\": \"flow-terminal\","
                + " \"shippingCompanyCode\": \"50000\", \"skuAsName\": true}",
            Map.of("Authorization", "Bearer " + apiKey)));
        step("register", call("POST", "/api/saleor/np-atobarai/register", "{\"auth_token\": \"flow-app-token\"}",
            Map.of("Saleor-Api-Url", apiUrl)));
        step("gateway initialize", webhook("payment_gateway_initialize_session",
            "{\"recipient\": {\"id\": \"" + APP_ID + "\"}, \"amount\": 2100, \"data\": null, \"sourceObject\": "
                + checkout("Yamada RE015") + "}"));
        step("initialize (held: RE015 in the name)", webhook("transaction_initialize_session",
            session("\"idempotencyKey\": \"" + UUID.randomUUID() + "\",", "", checkout("Yamada RE015"))));
        String held = lastBody;
        String npId = held.replaceAll(".*\"pspReference\":\"([0-9]+)\".*", "$1");
        step("process (name fixed)", webhook("transaction_process_session", session("", npId, checkout("Yamada Hanako"))));
        step("tracking number", webhook("fulfillment_tracking_number_updated",
            "{\"recipient\": {\"id\": \"" + APP_ID + "\"}, \"fulfillment\": {\"id\": \"RnVsZmlsbG1lbnQ6MQ==\","
                + " \"trackingNumber\": \"1234567890\", \"metadata\": [], \"privateMetadata\": []},"
                + " \"order\": {\"id\": \"T3JkZXI6MQ==\", \"number\": \"1\", \"channel\": {\"slug\": \"jp-store\"},"
                + " \"transactions\": [{\"id\": \"" + SALEOR_TX + "\", \"pspReference\": \"" + npId + "\","
                + " \"createdBy\": {\"__typename\": \"App\", \"id\": \"" + APP_ID + "\"}, \"events\": [{\"type\": \"CHARGE_SUCCESS\"}]}]}}"));
        String note = NOTES.poll(20, TimeUnit.SECONDS);
        System.out.println("== order note from the worker\n" + (note == null ? "(none within 20 s)" : note) + "\n");
        step("partial refund after shipment (1000 of 2100)", webhook("transaction_refund_requested",
            "{\"recipient\": {\"id\": \"" + APP_ID + "\"}, \"action\": {\"actionType\": \"REFUND\", \"amount\": 1000,"
                + " \"currency\": \"JPY\"}, \"transaction\": {\"id\": \"" + SALEOR_TX + "\", \"token\": \"" + TOKEN + "\","
                + " \"pspReference\": \"" + npId + "\", \"createdAt\": \"2026-11-20T10:00:05+00:00\","
                + " \"chargedAmount\": {\"amount\": 2100, \"currency\": \"JPY\"}, \"order\": " + order() + "},"
                + " \"grantedRefund\": null}"));
    }

    static String lastBody = "";

    static void step(String name, HttpResponse<String> response) {
        lastBody = response.body();
        System.out.println("== " + name + ": HTTP " + response.statusCode() + "\n" + response.body() + "\n");
    }

    static String address(String name) {
        String[] parts = name.split(" ", 2);
        return "{\"firstName\": \"" + (parts.length > 1 ? parts[1] : "") + "\", \"lastName\": \"" + parts[0] + "\","
            + " \"companyName\": \"\", \"streetAddress1\": \"1-2-3 Shibuya\", \"streetAddress2\": \"\", \"city\": \"Shibuya-ku\","
            + " \"cityArea\": \"\", \"postalCode\": \"150-0002\", \"countryArea\": \"Tokyo\", \"country\": {\"code\": \"JP\"},"
            + " \"phone\": \"+81312345678\"}";
    }

    static String checkout(String name) {
        return "{\"__typename\": \"Checkout\", \"id\": \"Q2hlY2tvdXQ6MQ==\", \"email\": \"hanako@example.jp\","
            + " \"channel\": {\"slug\": \"jp-store\", \"currencyCode\": \"JPY\"},"
            + " \"totalPrice\": {\"gross\": {\"amount\": 2100, \"currency\": \"JPY\"}},"
            + " \"shippingPrice\": {\"gross\": {\"amount\": 200}}, \"discount\": {\"amount\": 100},"
            + " \"billingAddress\": " + address(name) + ", \"shippingAddress\": " + address(name) + ","
            + " \"lines\": [{\"id\": \"Q2hlY2tvdXRMaW5lOjE=\", \"quantity\": 2, \"variant\": {\"sku\": \"TEST-SKU\","
            + " \"name\": \"Blue\", \"product\": {\"name\": \"Tea cup\"}}, \"unitPrice\": {\"gross\": {\"amount\": 1000}}}]}";
    }

    static String order() {
        return checkout("Yamada Hanako").replace("\"Checkout\"", "\"Order\"").replace("\"email\"", "\"userEmail\"")
            .replace("\"totalPrice\"", "\"total\"").replace("\"discount\": {\"amount\": 100}", "\"discounts\": [{\"amount\": {\"amount\": 100}}]")
            .replace("\"variant\": {\"sku\": \"TEST-SKU\", \"name\": \"Blue\", \"product\": {\"name\": \"Tea cup\"}}",
                "\"productSku\": \"TEST-SKU\", \"productName\": \"Tea cup\", \"variantName\": \"Blue\"");
    }

    static String session(String idempotency, String pspReference, String checkout) {
        return "{\"issuedAt\": \"2026-11-20T10:00:05+00:00\", \"recipient\": {\"id\": \"" + APP_ID + "\"}, " + idempotency
            + " \"action\": {\"amount\": 2100, \"currency\": \"JPY\", \"actionType\": \"CHARGE\"},"
            + " \"transaction\": {\"id\": \"" + SALEOR_TX + "\", \"token\": \"" + TOKEN + "\", \"pspReference\": \""
            + pspReference + "\"}, \"sourceObject\": " + checkout + "}";
    }

    static HttpResponse<String> webhook(String event, String body) throws Exception {
        return call("POST", "/api/saleor/np-atobarai/webhooks/" + event, body,
            Map.of("Saleor-Api-Url", apiUrl, "Saleor-Event", event, "Saleor-Signature", sign(body)));
    }

    static HttpResponse<String> call(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** Saleor's webhook signature: JWS RS256 with a detached, unencoded payload. */
    static String sign(String body) throws Exception {
        String header = b64("{\"alg\":\"RS256\",\"kid\":\"flow-1\",\"b64\":false,\"crit\":[\"b64\"]}"
            .getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + ".").getBytes(StandardCharsets.US_ASCII));
        rsa.update(body.getBytes(StandardCharsets.UTF_8));
        return header + ".." + b64(rsa.sign());
    }

    static HttpServer fakeSaleor(int port) throws Exception {
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"flow-1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
            + b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent())) + "\"}]}";
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String answer;
            if (exchange.getRequestURI().getPath().equals("/.well-known/jwks.json")) {
                answer = jwks;
            } else if (request.contains("orderNoteAdd")) {
                NOTES.add(request.replaceAll(".*\"message\":\"([^\"]*)\".*", "$1"));
                answer = "{\"data\":{\"orderNoteAdd\":{\"event\":{\"id\":\"RXZlbnQ6MQ==\"},\"errors\":[]}}}";
            } else {
                answer = "{\"data\":{\"app\":{\"id\":\"" + APP_ID + "\"}}}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
