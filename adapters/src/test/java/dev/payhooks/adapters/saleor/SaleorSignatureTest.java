package dev.payhooks.adapters.saleor;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@link SaleorSignature#verifyJws} keeps between calls never spares the check of a body. */
class SaleorSignatureTest {

    static final String HEADER = "{\"alg\":\"RS256\",\"kid\":\"k1\",\"b64\":false,\"crit\":[\"b64\"]}";

    final RSAKey key = SaleorWebhookCheckTest.KEY1;
    final JWKSet keys = new JWKSet(key.toPublicJWK());
    final byte[] body = "{\"amount\":1500}".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyBodyIsVerifiedThoughTheHeaderAndKeyAreKept() throws Exception {
        String signature = SaleorWebhookCheckTest.signWithHeader(key, HEADER, body);

        assertEquals(SaleorSignature.Check.VALID, SaleorSignature.verifyJws(body, signature, keys));
        assertEquals(SaleorSignature.Check.VALID, SaleorSignature.verifyJws(body, signature, keys));
        assertEquals(SaleorSignature.Check.INVALID,
            SaleorSignature.verifyJws("{\"amount\":15000}".getBytes(StandardCharsets.UTF_8), signature, keys));
    }

    @Test
    void aKeptHeaderIsCheckedAgainstTheKeyOfTheSetGivenNotTheOneKeptForItsId() throws Exception {
        String signature = SaleorWebhookCheckTest.signWithHeader(key, HEADER, body);
        assertEquals(SaleorSignature.Check.VALID, SaleorSignature.verifyJws(body, signature, keys));

        RSAKey rotated = new RSAKeyGenerator(2048).keyID("k1").generate();
        assertEquals(SaleorSignature.Check.INVALID,
            SaleorSignature.verifyJws(body, signature, new JWKSet(rotated.toPublicJWK())));
        assertEquals(SaleorSignature.Check.VALID,
            SaleorSignature.verifyJws(body, SaleorWebhookCheckTest.signWithHeader(rotated, HEADER, body),
                new JWKSet(rotated.toPublicJWK())));
    }

    @Test
    void aMalformedHeaderIsRefusedEveryTimeAndNeverKept() throws Exception {
        String noCrit = SaleorWebhookCheckTest.signWithHeader(key, "{\"alg\":\"RS256\",\"kid\":\"k1\",\"b64\":false}", body);

        assertEquals(SaleorSignature.Check.MALFORMED, SaleorSignature.verifyJws(body, noCrit, keys));
        assertEquals(SaleorSignature.Check.MALFORMED, SaleorSignature.verifyJws(body, noCrit, keys));
    }

    @Test
    void moreDistinctHeadersThanKeptStillVerify() throws Exception {
        for (int i = 0; i <= SaleorSignature.KEPT; i++) {
            String header = "{\"alg\":\"RS256\",\"kid\":\"k1\",\"b64\":false,\"crit\":[\"b64\"],\"n\":" + i + "}";
            assertEquals(SaleorSignature.Check.VALID,
                SaleorSignature.verifyJws(body, SaleorWebhookCheckTest.signWithHeader(key, header, body), keys), "header " + i);
        }
    }
}
