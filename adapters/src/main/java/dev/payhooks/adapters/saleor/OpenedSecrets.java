package dev.payhooks.adapters.saleor;

import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.port.Secrets;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The channel secrets a Saleor app reads for every webhook, each opened once while the sealed
 * value is held: the channel cache keeps a channel's settings, and so their sealed secrets, for
 * at most its TTL and drops them at once when the channel changes, after which the entry here goes
 * with the garbage collector. A changed secret is sealed anew, so it is opened anew. A value is
 * kept per context it opened in, so a sealed value asked for in another context is opened (and
 * refused) by the real {@link Secrets}; sealing is passed through. Opened values are never logged
 * nor shown ({@link #toString} tells only how many are kept).
 */
final class OpenedSecrets implements Secrets {

    private final Secrets secrets;
    /** Sealed value (held weakly) → context → opened value. */
    private final Map<SealedSecret, Map<String, String>> opened = Collections.synchronizedMap(new WeakHashMap<>());

    OpenedSecrets(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public SealedSecret seal(String plaintext, String context) {
        return secrets.seal(plaintext, context);
    }

    @Override
    public String open(SealedSecret sealed, String context) {
        Map<String, String> byContext = opened.get(sealed);
        String plaintext = byContext == null ? null : byContext.get(context);
        if (plaintext != null) {
            return plaintext;
        }
        plaintext = secrets.open(sealed, context);
        Map<String, String> contexts = new HashMap<>(byContext == null ? Map.of() : byContext);
        contexts.put(context, plaintext);
        opened.put(sealed, Map.copyOf(contexts));
        return plaintext;
    }

    @Override
    public String toString() {
        return "OpenedSecrets[" + opened.size() + " kept]";
    }
}
