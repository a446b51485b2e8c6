package dev.payhooks.domain.provider;

import dev.payhooks.domain.inbound.NotificationHeaders;
import dev.payhooks.domain.payment.ProviderId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request a provider sent to a channel's notification URL, as it arrived: the raw
 * bytes (signatures are checked on them), every header (names in lower case) and when the hub
 * received it. Verification reads credentials from the headers; only the headers the provider
 * adapter names ({@link NotificationProvider#keptHeaders()}) are stored.
 *
 * <p>The body is parsed once per request: verification, decoding and whatever else reads it
 * ask {@link #read} with the provider's {@link BodyReader}, which runs the first time only.
 */
public final class InboundRequest {

    /** How a provider reads a body (JSON, form fields…); throws {@link MalformedNotification} when it cannot. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InboundRequest request);
    }

    private final ProviderId provider;
    private final String endpointKey;
    private final byte[] body;
    private final NotificationHeaders headers;
    private final Instant receivedAt;
    /** What was read from the body, shared with the {@link #withHeaders} copies. */
    private final ReadBody read;

    /** What each reader made of the body (or the {@link MalformedNotification} it threw), and how often one ran. */
    private static final class ReadBody {
        final Map<BodyReader<?>, Object> results = new HashMap<>();
        int reads;
    }

    public InboundRequest(ProviderId provider, String endpointKey, byte[] body, NotificationHeaders headers,
                          Instant receivedAt) {
        this(provider, endpointKey, Objects.requireNonNull(body, "body").clone(), headers, receivedAt, new ReadBody());
    }

    private InboundRequest(ProviderId provider, String endpointKey, byte[] body, NotificationHeaders headers,
                           Instant receivedAt, ReadBody read) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.endpointKey = Objects.requireNonNull(endpointKey, "endpointKey");
        this.body = body;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.read = read;
    }

    public ProviderId provider() {
        return provider;
    }

    public String endpointKey() {
        return endpointKey;
    }

    public byte[] body() {
        return body.clone();
    }

    public NotificationHeaders headers() {
        return headers;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** Whether this request carries exactly these bytes. */
    public boolean hasBody(byte[] other) {
        return java.util.Arrays.equals(body, other);
    }

    /**
     * The body as {@code reader} reads it: read on the first call, the same result (or the same
     * {@link MalformedNotification}) on every later call with the same reader, for this request
     * and its {@link #withHeaders} copies.
     */
    @SuppressWarnings("unchecked")
    public <T> T read(BodyReader<T> reader) {
        Object known;
        synchronized (read) {
            known = read.results.get(reader);
            if (known == null) {
                read.reads++;
                try {
                    known = Objects.requireNonNull(reader.read(this), "a body reader's result");
                } catch (MalformedNotification unreadable) {
                    known = unreadable;
                }
                read.results.put(reader, known);
            }
        }
        if (known instanceof MalformedNotification unreadable) {
            throw unreadable;
        }
        return (T) known;
    }

    /** How often a reader ran on the body of this request and its copies: once per reader. */
    public int bodyReads() {
        synchronized (read) {
            return read.reads;
        }
    }

    /** The same request with other headers (the ones stored), sharing what was already read from the body. */
    public InboundRequest withHeaders(NotificationHeaders kept) {
        return new InboundRequest(provider, endpointKey, body, kept, receivedAt, read);
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
