package dev.payhooks.adapters.outbound;

import dev.payhooks.adapters.outbound.WebhookSigner.SignatureHeaders;
import dev.payhooks.application.webhooks.ManageAsymmetricSigningKeys;
import dev.payhooks.domain.audit.Actor;
import dev.payhooks.domain.audit.InMemoryAuditTrail;
import dev.payhooks.domain.outbound.EventId;
import dev.payhooks.domain.outbound.InMemoryAsymmetricSigningKeys;
import dev.payhooks.domain.outbound.SigningKey;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.SteppingClock;
import dev.payhooks.application.access.Caller;
import dev.payhooks.domain.staff.StaffRole;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Standard Webhooks {@code v1a} (Ed25519) form, checked with Bouncy Castle's Ed25519 rather than the JDK's that signs. */
class WebhookSignerEd25519Test {

    static final EventId EVENT = new EventId("c088bc28" + "0".repeat(56));
    static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    static final byte[] BODY = "{\"type\":\"event\",\"event_type\":\"transaction.sale.success\"}".getBytes(StandardCharsets.UTF_8);
    /** RFC 8032, section 7.1, test 1: the secret key (seed). */
    static final String RFC8032_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    final SteppingClock clock = new SteppingClock(AT);
    final ManageAsymmetricSigningKeys keys = new ManageAsymmetricSigningKeys(new InMemoryAsymmetricSigningKeys(),
        new FakeSecrets(), clock, new InMemoryAuditTrail().recorder(() -> Actor.SYSTEM, clock));

    /** A receiver's check, from the Standard Webhooks text: "{id}.{timestamp}.{body}", space-separated "v1a,<base64>" entries, any match. */
    static boolean receiverAccepts(String publicKeyX, String id, String timestamp, byte[] body, String header) {
        Ed25519PublicKeyParameters publicKey = new Ed25519PublicKeyParameters(Base64.getUrlDecoder().decode(publicKeyX), 0);
        byte[] content = concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        for (String entry : header.split(" ")) {
            String[] versionAndSignature = entry.split(",", 2);
            if (versionAndSignature.length == 2 && versionAndSignature[0].equals("v1a")) {
                Ed25519Signer verifier = new Ed25519Signer();
                verifier.init(false, publicKey);
                verifier.update(content, 0, content.length);
                if (verifier.verifySignature(Base64.getDecoder().decode(versionAndSignature[1]))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aDeliveryVerifiesWithThePublishedPublicKeyAndCarriesNoXSignature() {
        keys.ensure("m1");
        String x = keys.published("m1").get(0).publicKey();

        SignatureHeaders headers = WebhookSigner.sign(BODY, EVENT, AT,
            keys.keysToSignWith("m1").stream().map(SigningKey::ofEd25519).toList());

        assertTrue(headers.webhookSignature().matches("v1a,[A-Za-z0-9+/]{86}=="), headers.webhookSignature());
        assertTrue(receiverAccepts(x, EVENT.value(), headers.webhookTimestamp(), BODY, headers.webhookSignature()));
        assertNull(headers.xSignature(), "no shared secret, so no X-Signature");
        byte[] altered = BODY.clone();
        altered[2] = 'T';
        assertFalse(receiverAccepts(x, EVENT.value(), headers.webhookTimestamp(), altered, headers.webhookSignature()));
        assertFalse(receiverAccepts(x, EVENT.value(), String.valueOf(AT.getEpochSecond() + 1), BODY, headers.webhookSignature()));
    }

    @Test
    void duringARotationBothKeysSignAndEitherPublishedKeyVerifies() {
        keys.ensure("m1");
        keys.rotate(new Caller.Staff("dev", Set.of(StaffRole.DEVELOPER), true, Optional.empty(), "m1", false));

        SignatureHeaders headers = WebhookSigner.sign(BODY, EVENT, AT,
            keys.keysToSignWith("m1").stream().map(SigningKey::ofEd25519).toList());

        assertEquals(2, headers.webhookSignature().split(" ").length);
        for (ManageAsymmetricSigningKeys.PublishedKey published : keys.published("m1")) {
            assertTrue(receiverAccepts(published.publicKey(), EVENT.value(), headers.webhookTimestamp(), BODY,
                headers.webhookSignature()), published.keyId());
        }
    }

    @Test
    void theSignatureIsTheOneAnIndependentImplementationMakesWithTheSameKey() throws Exception {
        byte[] seed = HexFormat.of().parseHex(RFC8032_SEED);
        PrivateKey jdkKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
            concat(HexFormat.of().parseHex("302e020100300506032b657004220420"), seed)));

        SignatureHeaders headers = WebhookSigner.sign(BODY, EVENT, AT, List.of(SigningKey.ofEd25519(jdkKey)));

        Ed25519PrivateKeyParameters bcKey = new Ed25519PrivateKeyParameters(seed, 0);
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            HexFormat.of().formatHex(bcKey.generatePublicKey().getEncoded()), "RFC 8032's public key for the seed");
        byte[] content = concat((EVENT.value() + "." + AT.getEpochSecond() + ".").getBytes(StandardCharsets.UTF_8), BODY);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, bcKey);
        signer.update(content, 0, content.length);
        assertArrayEquals(signer.generateSignature(),
            Base64.getDecoder().decode(headers.webhookSignature().substring("v1a,".length())), "Ed25519 is deterministic");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
