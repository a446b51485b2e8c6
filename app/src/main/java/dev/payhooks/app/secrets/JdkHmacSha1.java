package dev.payhooks.app.secrets;

import dev.payhooks.domain.port.HmacSha1;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/** {@link HmacSha1} with the JDK's {@code Mac} (a new instance per call: {@code Mac} is not thread-safe). */
public final class JdkHmacSha1 implements HmacSha1 {

    @Override
    public byte[] mac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
