package dev.payhooks.sandbox;

import dev.payhooks.adapters.notifications.NotificationEndpoint;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.provider.ProviderConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a simulated provider reaches a channel through the channel's endpoint key: it reads the
 * channel's configuration for the provider (to authenticate and sign as the channel expects) and
 * posts notifications to the channel's notification endpoint in the hub.
 */
@ApplicationScoped
public class ChannelNotifications {

    @Inject
    Channels channels;

    @Inject
    Secrets secrets;

    @Inject
    NotificationEndpoint hub;

    /** The channel whose endpoint key for {@code provider} is {@code endpointKey}; an unknown key is an invalid field. */
    public Channel channel(ProviderId provider, String endpointKey) {
        return channels.byEndpointKey(provider, endpointKey).orElseThrow(() -> new InvalidField("endpointKey",
            "is not the " + provider.displayName() + " endpoint key of any channel"));
    }

    /** That channel's configuration for {@code provider}, its secrets readable. */
    public ProviderConfiguration configuration(ProviderId provider, String endpointKey) {
        return new ProviderConfiguration(channel(provider, endpointKey).provider(provider).orElseThrow(), secrets);
    }

    /** Request headers that start with the body's {@code Content-Type} and the provider's {@code User-Agent}; add to them in order. */
    public static Map<String, List<String>> headers(String contentType, String userAgent) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        headers.put("User-Agent", List.of(userAgent));
        return headers;
    }

    /** Posts {@code body} with {@code headers} to the channel's notification endpoint for {@code provider}; the hub's answer. */
    public NotificationEndpoint.Answer post(ProviderId provider, String endpointKey, Map<String, List<String>> headers, byte[] body) {
        return hub.handle(provider.slug(), endpointKey, headers, new ByteArrayInputStream(body));
    }
}
