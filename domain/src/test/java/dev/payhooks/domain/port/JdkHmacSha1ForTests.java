package dev.payhooks.domain.port;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/** The JDK's HMAC-SHA1 for tests of code that uses the {@link HmacSha1} port (the app wires its own). */
public final class JdkHmacSha1ForTests implements HmacSha1 {

    @Override
    public byte[] mac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
