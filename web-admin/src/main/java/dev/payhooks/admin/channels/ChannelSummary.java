package dev.payhooks.admin.channels;

import java.util.List;

/** A channel in the channels list: its identity and which providers it has configured (slugs). */
public record ChannelSummary(String slug, String name, String currency, String country, List<String> providers) {
    public ChannelSummary {
        providers = List.copyOf(providers);
    }
}
