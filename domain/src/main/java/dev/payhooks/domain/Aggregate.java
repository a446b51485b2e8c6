package dev.payhooks.domain;

/**
 * An object a repository stores as a whole: it carries the version it was read at, and the
 * repository refuses to store a change made from an older version (optimistic locking). A new
 * aggregate has version 0.
 */
public abstract class Aggregate {

    private final long version;

    protected Aggregate(long version) {
        this.version = version;
    }

    public long version() { return version; }
}
