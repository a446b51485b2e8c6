package dev.payhooks.admin.channels;

/** What the "Open channel" form sends; the domain checks every field. */
public record ChannelDraft(String slug, String name, String currency, String country) {
}
