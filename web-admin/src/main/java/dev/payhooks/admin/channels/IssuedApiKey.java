package dev.payhooks.admin.channels;

/** A key just issued: the one time its plaintext is shown. */
public record IssuedApiKey(ApiKeyRow key, String plaintext) {
    @Override
    public String toString() {
        return "IssuedApiKey[" + key + "]";
    }
}
