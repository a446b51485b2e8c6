package dev.payhooks.admin.facade;

/** A choice in a select: a value and what the user reads. */
public record Option(String value, String caption) {
}
