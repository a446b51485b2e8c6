package dev.payhooks.adapters.saleor;

import dev.payhooks.application.port.UnitOfWork;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.payhooks.domain.merchant.InMemoryMerchants;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.application.channels.SaleorInstallationCache;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.FakeUrlPolicy;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.domain.saleor.AssignedSaleorApiUrl;
import dev.payhooks.domain.saleor.InMemorySaleorApiUrlAssignments;
import dev.payhooks.domain.saleor.InMemorySaleorInstallations;
import dev.payhooks.domain.saleor.SaleorInstallation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration and webhook verification with real RSA keys, a JWKS and a GraphQL API served by WireMock. */
class SaleorWebhookCheckTest {

    static final String APP_ID = "QXBwOjE0";
    static final String EVENT = "transaction_initialize_session";

    WireMockServer saleorServer;
    String apiUrl;
    /** Generated once for the class: RSA key generation is the slowest part of these tests, and no test changes a key. */
    static final RSAKey KEY1 = generate("k1");
    static final RSAKey KEY2 = generate("k2");
    RSAKey key1 = KEY1;
    RSAKey key2 = KEY2;

    static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-20T10:00:00Z"));
    final FakeSecrets secrets = new FakeSecrets();
    final InMemorySaleorInstallations installations = new InMemorySaleorInstallations();
    /** As wired: the check reads through the cache, registration changes through it (no transactions here). */
    final SaleorInstallationCache cache = new SaleorInstallationCache(installations, Runnable::run);
    final InMemoryMerchants merchants = new InMemoryMerchants();
    final InMemorySaleorApiUrlAssignments assignments = new InMemorySaleorApiUrlAssignments();
    final FakeUrlPolicy urlPolicy = new FakeUrlPolicy("internal.example");
    final UnitOfWork direct = new UnitOfWork() {
        @Override
        public <T> T inNewTransaction(java.util.function.Supplier<T> work) {
            return work.get();
        }
    };
    SaleorApiClient client;
    SaleorRegistration registration;
    SaleorWebhookCheck check;

    @BeforeEach
    void setUp() throws Exception {
        saleorServer = new WireMockServer(options().dynamicPort());
        saleorServer.start();
        apiUrl = saleorServer.baseUrl() + "/graphql/";
        serveJwks(key1);
        saleorServer.stubFor(post("/graphql/").withHeader("Authorization", equalTo("Bearer good-token"))
            .withRequestBody(matchingJsonPath("$.query", containing("app")))
            .willReturn(okJson("{\"data\":{\"app\":{\"id\":\"" + APP_ID + "\"}}}")));
        saleorServer.stubFor(post("/graphql/").withHeader("Authorization", equalTo("Bearer bad-token"))
            .willReturn(okJson("{\"data\":{\"app\":null}}")));
        merchants.add(Merchant.register("m-1", "Shop", "abcdefghij12345", clock.instant()));
        client = LoopbackSaleor.client(Duration.ofSeconds(2));
        registration = new SaleorRegistration(Set.of(apiUrl), Optional.empty(), client, cache.changing(), assignments,
            urlPolicy, merchants, secrets, direct, clock);
        check = new SaleorWebhookCheck(cache, client, secrets, direct, clock, true);
    }

    @AfterEach
    void tearDown() {
        saleorServer.stop();
    }

    void serveJwks(RSAKey... keys) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.length; i++) {
            json.append(i == 0 ? "" : ",").append(keys[i].toPublicJWK().toJSONString());
        }
        saleorServer.stubFor(get("/.well-known/jwks.json").willReturn(okJson(json + "]}")));
    }

    /** What Saleor sends: {@code <b64url header>..<b64url RS256(header "." raw body)>}. */
    static String sign(RSAKey key, byte[] body) throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JOSE)
            .base64URLEncodePayload(false).criticalParams(Set.of("b64")).build();
        String encodedHeader = header.toBase64URL().toString();
        byte[] headerBytes = encodedHeader.getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[headerBytes.length + 1 + body.length];
        System.arraycopy(headerBytes, 0, input, 0, headerBytes.length);
        input[headerBytes.length] = '.';
        System.arraycopy(body, 0, input, headerBytes.length + 1, body.length);
        Base64URL signature = new RSASSASigner(key).sign(header, input);
        return encodedHeader + ".." + signature;
    }

    static byte[] body(String recipient) {
        return ("{\"recipient\":{\"id\":\"" + recipient + "\"},\"note\":\"日本語\"}").getBytes(StandardCharsets.UTF_8);
    }

    void registered() {
        assertEquals(200, registration.register(ProviderId.NP_ATOBARAI, apiUrl, "good-token").status());
    }

    SaleorWebhookCheck.Outcome checkWith(String signature, byte[] body) {
        return check.check(ProviderId.NP_ATOBARAI, EVENT, apiUrl, "TRANSACTION_INITIALIZE_SESSION", signature, body);
    }

    // ---- registration -------------------------------------------------------------------

    @Test
    void registrationStoresSealedTokenAppIdAndJwks() {
        SaleorReply reply = registration.register(ProviderId.NP_ATOBARAI, apiUrl, "good-token");

        assertEquals(200, reply.status());
        assertEquals("{\"success\":true}", reply.body().toString());
        SaleorInstallation stored = installations.find(apiUrl, ProviderId.NP_ATOBARAI).orElseThrow();
        assertEquals(APP_ID, stored.appId());
        assertEquals("m-1", stored.merchantId());
        assertEquals("good-token", secrets.open(stored.token(), stored.tokenContext()));
        assertEquals("k1", JWKSetOf(stored.jwks()).getKeys().get(0).getKeyID());
    }

    /** Merchants an operator adds later leave Saleor with the default merchant; a setting naming nobody is refused. */
    @Test
    void withSeveralMerchantsTheInstallationWorksForTheDefaultOneUnlessConfigured() {
        merchants.add(Merchant.register("m-2", "Added later", "bcdefghij123456", clock.instant().plusSeconds(60)));
        assertEquals(200, registration.register(ProviderId.NP_ATOBARAI, apiUrl, "good-token").status());
        assertEquals("m-1", installations.find(apiUrl, ProviderId.NP_ATOBARAI).orElseThrow().merchantId());

        SaleorRegistration configured = new SaleorRegistration(Set.of(apiUrl), Optional.of("m-2"), client, installations,
            assignments, urlPolicy, merchants, secrets, direct, clock);
        assertEquals(200, configured.register(ProviderId.ADYEN, apiUrl, "good-token").status());
        assertEquals("m-2", installations.find(apiUrl, ProviderId.ADYEN).orElseThrow().merchantId());

        SaleorRegistration nobody = new SaleorRegistration(Set.of(apiUrl), Optional.of("m-gone"), client, installations,
            assignments, urlPolicy, merchants, secrets, direct, clock);
        SaleorReply refused = nobody.register(ProviderId.NP_ATOBARAI, apiUrl, "good-token");
        assertEquals(403, refused.status());
        assertEquals("NO_MERCHANT", refused.body().getString("error"));
    }

    /** The same Saleor under a second spelling of its URL, which the allow-list does not name. */
    String unlistedUrl() {
        return apiUrl.replace("localhost", "127.0.0.1");
    }

    /** An assigned URL installs for its merchant, allow-listed or not, ahead of the setting and the default merchant. */
    @Test
    void anAssignedUrlInstallsForItsMerchantAheadOfTheSettingAndTheDefault() {
        merchants.add(Merchant.register("m-2", "Second shop", "bbcdefghij12345", clock.instant()));
        merchants.add(Merchant.register("m-3", "Third shop", "ccdefghij123456", clock.instant()));
        assignments.add(new AssignedSaleorApiUrl(unlistedUrl(), "m-2", clock.instant()));
        assignments.add(new AssignedSaleorApiUrl(apiUrl, "m-2", clock.instant()));
        SaleorRegistration configured = new SaleorRegistration(Set.of(apiUrl), Optional.of("m-3"), client, installations,
            assignments, urlPolicy, merchants, secrets, direct, clock);

        assertEquals(200, configured.register(ProviderId.NP_ATOBARAI, unlistedUrl(), "good-token").status());
        assertEquals(200, configured.register(ProviderId.ADYEN, apiUrl, "good-token").status());

        assertEquals("m-2", installations.find(unlistedUrl(), ProviderId.NP_ATOBARAI).orElseThrow().merchantId());
        assertEquals("m-2", installations.find(apiUrl, ProviderId.ADYEN).orElseThrow().merchantId());
        assertEquals(List.of(java.net.URI.create(unlistedUrl())), urlPolicy.checked(),
            "the SSRF guard is asked about the assigned URL the allow-list does not name");
    }

    @Test
    void anUnassignedUrlOffTheAllowListOrOneTheGuardRefusesInstallsNothing() {
        SaleorReply unlisted = registration.register(ProviderId.NP_ATOBARAI, unlistedUrl(), "good-token");
        assertEquals(403, unlisted.status());
        assertEquals("SALEOR_URL_PROHIBITED", unlisted.body().getString("error"));

        String internal = "http://internal.example/graphql/";
        assignments.add(new AssignedSaleorApiUrl(internal, "m-1", clock.instant()));
        SaleorReply guarded = registration.register(ProviderId.NP_ATOBARAI, internal, "good-token");
        assertEquals(403, guarded.status());
        assertEquals("SALEOR_URL_PROHIBITED", guarded.body().getString("error"));
        assertTrue(guarded.body().getString("message").contains("may not be called"), guarded.body().toString());
        assertEquals(0, saleorServer.getAllServeEvents().size(), "Saleor was never called");
        assertEquals(List.of(), installations.ofMerchant("m-1"));
    }

    /** A disabled merchant gets no installation, neither through an assigned URL nor the setting; a reinstall stays with its merchant. */
    @Test
    void aDisabledMerchantIsRefusedAndAReinstallKeepsItsMerchant() {
        Merchant second = Merchant.register("m-2", "Second shop", "bbcdefghij12345", clock.instant());
        second.disable(clock.instant());
        merchants.add(second);
        assignments.add(new AssignedSaleorApiUrl(unlistedUrl(), "m-2", clock.instant()));

        SaleorReply assigned = registration.register(ProviderId.NP_ATOBARAI, unlistedUrl(), "good-token");
        SaleorReply configured = new SaleorRegistration(Set.of(apiUrl), Optional.of("m-2"), client, installations,
            assignments, urlPolicy, merchants, secrets, direct, clock).register(ProviderId.NP_ATOBARAI, apiUrl, "good-token");

        for (SaleorReply refused : List.of(assigned, configured)) {
            assertEquals(403, refused.status());
            assertEquals("MERCHANT_DISABLED", refused.body().getString("error"));
        }
        assertEquals(List.of(), installations.ofMerchant("m-2"));

        registered();
        merchants.add(Merchant.register("m-3", "Third shop", "ccdefghij123456", clock.instant()));
        assignments.add(new AssignedSaleorApiUrl(apiUrl, "m-3", clock.instant()));
        registered();
        assertEquals("m-1", installations.find(apiUrl, ProviderId.NP_ATOBARAI).orElseThrow().merchantId(),
            "the installation works for the merchant it was made for");
    }

    static JWKSet JWKSetOf(String json) {
        try {
            return JWKSet.parse(json);
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void registrationRefusals() {
        assertEquals(400, registration.register(ProviderId.NP_ATOBARAI, apiUrl, "").status());
        assertEquals("Missing auth token.", registration.register(ProviderId.NP_ATOBARAI, apiUrl, null).body().getString("message"));
        SaleorReply prohibited = registration.register(ProviderId.NP_ATOBARAI, "https://evil.example/graphql/", "good-token");
        assertEquals(403, prohibited.status());
        assertEquals("SALEOR_URL_PROHIBITED", prohibited.body().getString("error"));
        SaleorReply unknown = registration.register(ProviderId.NP_ATOBARAI, apiUrl, "bad-token");
        assertEquals(401, unknown.status());
        assertEquals("UNKNOWN_APP_ID", unknown.body().getString("error"));
        saleorServer.stubFor(get("/.well-known/jwks.json").willReturn(aResponse().withStatus(404)));
        SaleorReply noJwks = registration.register(ProviderId.NP_ATOBARAI, apiUrl, "good-token");
        assertEquals(401, noJwks.status());
        assertEquals("JWKS_NOT_AVAILABLE", noJwks.body().getString("error"));
        assertEquals(Optional.empty(), installations.find(apiUrl, ProviderId.NP_ATOBARAI));
    }

    @Test
    void anotherAppOfTheSameSaleorCannotTakeOverTheInstallationButTheAppRotatesItsToken() throws Exception {
        saleorServer.stubFor(post("/graphql/").withHeader("Authorization", equalTo("Bearer other-app-token"))
            .willReturn(okJson("{\"data\":{\"app\":{\"id\":\"QXBwOjY2\"}}}")));
        saleorServer.stubFor(post("/graphql/").withHeader("Authorization", equalTo("Bearer rotated-token"))
            .willReturn(okJson("{\"data\":{\"app\":{\"id\":\"" + APP_ID + "\"}}}")));
        registered();

        SaleorReply takeover = registration.register(ProviderId.NP_ATOBARAI, apiUrl, "other-app-token");

        assertEquals(409, takeover.status());
        assertEquals("APP_ALREADY_INSTALLED", takeover.body().getString("error"));
        SaleorInstallation stored = installations.find(apiUrl, ProviderId.NP_ATOBARAI).orElseThrow();
        assertEquals(APP_ID, stored.appId());
        assertEquals("good-token", secrets.open(stored.token(), stored.tokenContext()));

        assertEquals(200, registration.register(ProviderId.NP_ATOBARAI, apiUrl, "rotated-token").status());
        SaleorInstallation rotated = installations.find(apiUrl, ProviderId.NP_ATOBARAI).orElseThrow();
        assertEquals("rotated-token", secrets.open(rotated.token(), rotated.tokenContext()));
    }

    // ---- webhook verification -------------------------------------------------------------

    @Test
    void aCorrectlySignedWebhookPasses() throws Exception {
        registered();
        byte[] body = body(APP_ID);

        SaleorWebhookCheck.Outcome outcome = checkWith(sign(key1, body), body);

        assertNull(outcome.refusal());
        assertEquals(APP_ID, outcome.webhook().body().getJsonObject("recipient").getString("id"));
    }

    @Test
    void aChangedBodyOrForeignKeyIsRefused() throws Exception {
        registered();
        byte[] body = body(APP_ID);
        String signature = sign(key1, body);
        byte[] tampered = body(APP_ID);
        tampered[tampered.length - 3] ^= 1;

        assertEquals(401, checkWith(signature, tampered).refusal().status());
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertEquals(401, checkWith(sign(stranger, body), body).refusal().status());
        assertEquals(401, checkWith("garbage..garbage", body).refusal().status());
        assertEquals(401, checkWith("not-a-jws-nor-hmac", body).refusal().status());
    }

    @Test
    void anUnknownKidRefetchesTheJwksOnce() throws Exception {
        registered();
        serveJwks(key1, key2);  // Saleor rotated
        byte[] body = body(APP_ID);

        SaleorWebhookCheck.Outcome outcome = checkWith(sign(key2, body), body);

        assertNull(outcome.refusal());
        assertEquals(2, JWKSetOf(installations.find(apiUrl, ProviderId.NP_ATOBARAI).orElseThrow().jwks()).getKeys().size());
        saleorServer.verify(2, getRequestedFor(urlEqualTo("/.well-known/jwks.json")));  // registration + one refetch
    }

    /** A JWS over the raw body with a hand-written header (what Nimbus' builder would not write). */
    static String signWithHeader(RSAKey key, String headerJson, byte[] body) throws Exception {
        String encodedHeader = Base64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8)).toString();
        byte[] headerBytes = encodedHeader.getBytes(StandardCharsets.US_ASCII);
        java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initSign(key.toRSAPrivateKey());
        rsa.update(headerBytes);
        rsa.update((byte) '.');
        rsa.update(body);
        return encodedHeader + ".." + Base64URL.encode(rsa.sign());
    }

    @Test
    void forgedSignaturesRefetchTheJwksAtMostOnceAMinutePerInstallation() throws Exception {
        registered();
        byte[] body = body(APP_ID);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        String unknownKid = sign(stranger, body);
        String badSignature = sign(new RSAKeyGenerator(2048).keyID("k1").generate(), body);

        for (int i = 0; i < 5; i++) {
            assertEquals(401, checkWith(unknownKid, body).refusal().status());
            assertEquals(401, checkWith(badSignature, body).refusal().status());
        }
        clock.advance(Duration.ofSeconds(59));
        assertEquals(401, checkWith(unknownKid, body).refusal().status());
        saleorServer.verify(2, getRequestedFor(urlEqualTo("/.well-known/jwks.json")));  // registration + one refetch

        clock.advance(Duration.ofSeconds(1));
        assertEquals(401, checkWith(unknownKid, body).refusal().status());
        assertEquals(401, checkWith(badSignature, body).refusal().status());
        saleorServer.verify(3, getRequestedFor(urlEqualTo("/.well-known/jwks.json")));

        // after a minute a genuine rotation is picked up again
        clock.advance(Duration.ofMinutes(1));
        serveJwks(key1, key2);
        assertNull(checkWith(sign(key2, body), body).refusal());
    }

    @Test
    void anUnencodedPayloadMustBeNamedCriticalExactlyAndAMalformedJwsCostsNoRefetch() throws Exception {
        registered();
        byte[] body = body(APP_ID);

        String noCrit = signWithHeader(key1, "{\"alg\":\"RS256\",\"kid\":\"k1\",\"b64\":false}", body);
        String doubled = signWithHeader(key1, "{\"alg\":\"RS256\",\"kid\":\"k1\",\"b64\":false,\"crit\":[\"b64\",\"b64\"]}", body);
        String exact = signWithHeader(key1, "{\"alg\":\"RS256\",\"kid\":\"k1\",\"b64\":false,\"crit\":[\"b64\"]}", body);

        assertEquals(SaleorSignature.Check.MALFORMED, SaleorSignature.verifyJws(body, noCrit, JWKSetOf(
            installations.find(apiUrl, ProviderId.NP_ATOBARAI).orElseThrow().jwks())));
        assertEquals(401, checkWith(noCrit, body).refusal().status());
        assertEquals(401, checkWith(doubled, body).refusal().status());
        assertEquals(401, checkWith("a.b.c", body).refusal().status());
        saleorServer.verify(1, getRequestedFor(urlEqualTo("/.well-known/jwks.json")));  // registration only
        assertNull(checkWith(exact, body).refusal());
    }

    @Test
    void legacyHmacSignatureWithTheAppToken() throws Exception {
        registered();
        byte[] body = body(APP_ID);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("good-token".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hex = HexFormat.of().formatHex(mac.doFinal(body));

        assertNull(checkWith(hex, body).refusal());
        assertEquals(401, checkWith(hex.replace(hex.charAt(0), hex.charAt(0) == 'a' ? 'b' : 'a'), body).refusal().status());
    }

    static String hmac(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void aJwsHeaderDecidesAndAnInvalidOneNeverFallsBackToTheLegacyHmac() throws Exception {
        registered();
        byte[] body = body(APP_ID);
        String validHmac = hmac(body, "good-token");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        String forgedJws = sign(stranger, body);

        // a valid HMAC beside an invalid JWS, in either header
        assertEquals(401, check.check(ProviderId.NP_ATOBARAI, EVENT, apiUrl, EVENT, validHmac, forgedJws, body)
            .refusal().status());
        assertEquals(401, check.check(ProviderId.NP_ATOBARAI, EVENT, apiUrl, EVENT, forgedJws, validHmac, body)
            .refusal().status());
        // a malformed JWS is a JWS too, not a reason to try the HMAC
        assertEquals(401, check.check(ProviderId.NP_ATOBARAI, EVENT, apiUrl, EVENT, "a.b.c", validHmac, body)
            .refusal().status());
        // the valid JWS in the deprecated header alone still passes
        assertNull(check.check(ProviderId.NP_ATOBARAI, EVENT, apiUrl, EVENT, null, sign(key1, body), body).refusal());
    }

    @Test
    void theLegacyHmacIsRefusedInProductionMode() throws Exception {
        registered();
        SaleorWebhookCheck production = new SaleorWebhookCheck(cache, client, secrets, direct, clock, false);
        byte[] body = body(APP_ID);

        SaleorReply refused = production.check(ProviderId.NP_ATOBARAI, EVENT, apiUrl, EVENT, hmac(body, "good-token"), body)
            .refusal();
        SaleorReply deprecatedHeader = production.check(ProviderId.NP_ATOBARAI, EVENT, apiUrl, EVENT, null,
            hmac(body, "good-token"), body).refusal();

        assertEquals(401, refused.status());
        assertEquals("INVALID_SIGNATURE", refused.body().getString("error"));
        assertEquals(401, deprecatedHeader.status());
        assertNull(production.check(ProviderId.NP_ATOBARAI, EVENT, apiUrl, EVENT, sign(key1, body), body).refusal());
    }

    @Test
    void headerAndRecipientRefusals() throws Exception {
        registered();
        byte[] body = body(APP_ID);
        String signature = sign(key1, body);

        assertEquals(401, check.check(ProviderId.NP_ATOBARAI, EVENT, null, EVENT, signature, body).refusal().status());
        assertEquals(401, check.check(ProviderId.NP_ATOBARAI, EVENT, apiUrl, null, signature, body).refusal().status());
        assertEquals(401, check.check(ProviderId.NP_ATOBARAI, EVENT, apiUrl, EVENT, null, body).refusal().status());
        assertEquals(401, check.check(ProviderId.NP_ATOBARAI, EVENT, apiUrl, "transaction_process_session", signature, body)
            .refusal().status());
        assertEquals(401, check.check(ProviderId.NP_ATOBARAI, EVENT, "https://other.example/graphql/", EVENT, signature, body)
            .refusal().status());
        assertEquals(401, check.check(ProviderId.ADYEN, EVENT, apiUrl, EVENT, signature, body).refusal().status());

        byte[] foreign = body("QXBwOjk5");
        SaleorReply mismatch = checkWith(sign(key1, foreign), foreign).refusal();
        assertEquals(403, mismatch.status());
        assertEquals("Recipient ID does not match auth data ID", mismatch.body().getString("message"));

        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        assertEquals(400, checkWith(sign(key1, notJson), notJson).refusal().status());
    }

    @Test
    void aSignedBodyTooDeepWithNulOrNotUtf8Is400MalformedJson() throws Exception {
        registered();
        byte[] deep = ("{\"recipient\":{\"id\":\"" + APP_ID + "\"},\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}")
            .getBytes(StandardCharsets.UTF_8);
        byte[] nul = ("{\"recipient\":{\"id\":\"" + APP_ID + "\"},\"x\":\"a\\u0000b\"}").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = ("{\"recipient\":{\"id\":\"" + APP_ID + "\"},\"x\":\"Zürich\"}").getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] body : new byte[][] {deep, nul, latin1}) {
            SaleorReply refusal = checkWith(sign(key1, body), body).refusal();
            assertNotNull(refusal);
            assertEquals(400, refusal.status());
            assertEquals("MALFORMED_JSON", refusal.body().getString("error"));
        }
    }

    @Test
    void aSigningKeyIsNeededForEveryWebhook() {
        assertNotNull(checkWith("x..y", body(APP_ID)).refusal());  // not registered at all
    }

    @Test
    void keySetsAreParsedOncePerJsonAndAtMostABoundedNumberAreKept() throws Exception {
        String jwks = new JWKSet(key1.toPublicJWK()).toString();
        JWKSet parsed = check.keys(jwks);
        assertSame(parsed, check.keys(jwks), "the same JSON is parsed once");
        String rotated = new JWKSet(key2.toPublicJWK()).toString();
        assertEquals("k2", check.keys(rotated).getKeys().get(0).getKeyID(), "new keys are new JSON, parsed anew");
        for (int i = 0; i < SaleorWebhookCheck.MAX_PARSED_KEY_SETS; i++) {
            check.keys("{\"keys\":[],\"n\":" + i + "}");
        }
        assertNotSame(parsed, check.keys(jwks), "past the bound the kept sets are dropped");
        assertTrue(check.keys("not json").getKeys().isEmpty());
    }
}
