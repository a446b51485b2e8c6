package dev.payhooks.domain.port;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reversible stand-in for real encryption in tests; keeps the context check. */
public class FakeSecrets implements Secrets {

    @Override
    public SealedSecret seal(String plaintext, String context) {
        return new SealedSecret("fake:" + context + ":" + Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String open(SealedSecret sealed, String context) {
        String prefix = "fake:" + context + ":";
        if (!sealed.value().startsWith(prefix)) {
            throw new IllegalArgumentException("sealed for another context");
        }
        return new String(Base64.getDecoder().decode(sealed.value().substring(prefix.length())), StandardCharsets.UTF_8);
    }
}
