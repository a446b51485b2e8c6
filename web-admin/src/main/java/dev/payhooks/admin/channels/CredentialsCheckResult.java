package dev.payhooks.admin.channels;

/** What the provider said to "Test credentials": accepted or not, and its message for staff. */
public record CredentialsCheckResult(boolean accepted, String message) {
}
