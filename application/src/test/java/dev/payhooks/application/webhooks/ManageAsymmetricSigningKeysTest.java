package dev.payhooks.application.webhooks;

import dev.payhooks.application.access.TestCallers;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.AuditEntry;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.error.NotPermitted;
import dev.payhooks.domain.outbound.InMemoryAsymmetricSigningKeys;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SteppingClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManageAsymmetricSigningKeysTest {

    final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-06T10:00:00Z"));
    final InMemoryAsymmetricSigningKeys keys = new InMemoryAsymmetricSigningKeys();
    final FakeSecrets secrets = new FakeSecrets();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final ManageAsymmetricSigningKeys manage = new ManageAsymmetricSigningKeys(keys, secrets, clock,
        audit.recorder(() -> Actor.apiKey("ERP", "key-1"), clock));

    @Test
    void whatIsSignedWithThePrivateKeyVerifiesWithThePublishedOne() throws Exception {
        manage.ensure("m1");
        byte[] message = "msg_1.1733480000.{\"a\":1}".getBytes(StandardCharsets.UTF_8);

        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(manage.keysToSignWith("m1").get(0));
        signer.update(message);
        byte[] signature = signer.sign();

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey(manage.published("m1").get(0).publicKey()));
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }

    @Test
    void thePrivateKeyIsStoredSealedAndTheKeyIdIsTheJwkThumbprint() {
        var key = manage.ensure("m1");

        String pkcs8 = Base64.getEncoder().encodeToString(manage.keysToSignWith("m1").get(0).getEncoded());
        assertFalse(key.current().privateKey().value().contains(pkcs8), "sealed, not the plain PKCS#8 text");
        assertEquals(pkcs8, secrets.open(key.current().privateKey(), "ed25519-key/m1"));
        assertThrows(IllegalArgumentException.class, () -> secrets.open(key.current().privateKey(), "ed25519-key/m2"));
        assertEquals(ManageAsymmetricSigningKeys.thumbprint(key.current().publicKey()), key.current().keyId());
        assertEquals(43, key.current().keyId().length());
        assertEquals(List.of("ed25519-key.created"), audit.all().stream().map(AuditEntry::action).toList());
    }

    @Test
    void rfc7638ThumbprintOfAKnownKey() {
        // RFC 8037, appendix A.3: the thumbprint of the example Ed25519 public key
        assertEquals("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k",
            ManageAsymmetricSigningKeys.thumbprint("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"));
    }

    @Test
    void afterARotationBothPairsSignAndArePublishedFor24HoursThenOnlyTheNewOne() {
        String first = manage.ensure("m1").current().keyId();

        String second = manage.rotate(TestCallers.developer("m1")).current().keyId();

        assertNotEquals(first, second);
        assertEquals(List.of(second, first), manage.published("m1").stream().map(ManageAsymmetricSigningKeys.PublishedKey::keyId).toList());
        assertEquals(2, manage.keysToSignWith("m1").size());
        clock.advance(Duration.ofHours(24));
        assertEquals(List.of(second), manage.published("m1").stream().map(ManageAsymmetricSigningKeys.PublishedKey::keyId).toList());
        assertEquals(1, manage.keysToSignWith("m1").size());
        assertEquals("ed25519-key.rotated", audit.all().get(audit.all().size() - 1).action());
    }

    @Test
    void aViewerMayNotRotateAndNothingIsPublishedForAMerchantWithoutAKey() {
        manage.ensure("m1");
        String kid = manage.published("m1").get(0).keyId();

        assertThrows(NotPermitted.class, () -> manage.rotate(TestCallers.viewer("m1")));

        assertEquals(kid, manage.published("m1").get(0).keyId());
        assertThrows(NotFound.class, () -> manage.published("m2"));
        assertThrows(NotFound.class, () -> manage.keysToSignWith("m2"));
    }

    /** The X.509 form of a raw Ed25519 public key: the fixed algorithm prefix, then the 32 bytes. */
    static PublicKey publicKey(String x) throws Exception {
        byte[] raw = Base64.getUrlDecoder().decode(x);
        byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
        byte[] encoded = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, encoded, 0, prefix.length);
        System.arraycopy(raw, 0, encoded, prefix.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

}
