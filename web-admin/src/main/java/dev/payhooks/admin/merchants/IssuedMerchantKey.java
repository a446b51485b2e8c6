package dev.payhooks.admin.merchants;

/** A merchant's API key just issued: the one time its plaintext is shown. */
public record IssuedMerchantKey(String merchantName, String label, String plaintext) {
    @Override
    public String toString() {
        return "IssuedMerchantKey[" + merchantName + ", " + label + "]";
    }
}
