package dev.payhooks.domain.provider;

import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.payment.ProviderId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request a provider sent to a channel's notification URL, as it arrived: the raw
 * bytes (signatures are checked on them), every header (names in lower case) and when the hub
 * received it. Verification reads credentials from the headers; only the headers the provider
 * adapter names ({@link NotificationProvider#keptHeaders()}) are stored.
 */
public record InboundRequest(ProviderId provider, String endpointKey, byte[] body, NotificationHeaders headers,
                             Instant receivedAt) {

    public InboundRequest {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(endpointKey, "endpointKey");
        body = Objects.requireNonNull(body, "body").clone();
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The media type without parameters, in lower case ("application/json"), or empty. */
    public Optional<String> mediaType() {
        return headers.value("content-type").map(InboundRequest::mediaTypeOf).filter(type -> !type.isEmpty());
    }

    public static String mediaTypeOf(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
            .toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "InboundRequest[" + provider.slug() + ", " + body.length + " bytes]";
    }
}
