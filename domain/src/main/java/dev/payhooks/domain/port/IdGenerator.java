package dev.payhooks.domain.port;

/** Identifiers and random tokens; injected so tests stay deterministic. */
public interface IdGenerator {

    /** A new unique identifier (a UUID string in production). */
    String newId();

    /** {@code length} characters of [a-z0-9] from a cryptographically strong source. */
    String randomToken(int length);
}
