package dev.payhooks.adapters.npatobarai;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach one channel's NP Atobarai account. {@code toString} leaves the SP code out.
 *
 * @param baseUrl the API base ending in {@code /v1/}
 */
public record NpCredentials(URI baseUrl, String merchantCode, String secretSpCode, String terminalId) {

    public NpCredentials {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String text = baseUrl.toString();
        if (!text.endsWith("/")) {
            baseUrl = URI.create(text + "/");
        }
    }

    @Override
    public String toString() {
        return "NpCredentials[" + baseUrl + ", merchant=" + merchantCode + ", terminal=" + terminalId + "]";
    }
}
