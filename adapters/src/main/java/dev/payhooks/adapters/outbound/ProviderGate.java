package dev.payhooks.adapters.outbound;

import dev.payhooks.domain.payment.ProviderId;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one way a provider client (NP Atobarai, Adyen, Walley, Annanow) sends a request. The URL
 * comes from a channel's configuration and the request carries the merchant's provider
 * credentials, so before anything is sent: the URL must name one of the provider's hosts
 * ({@link ProviderEndpoints}), and its host is resolved and checked by the SSRF guard of outbound
 * webhooks; the request then goes to the checked address ({@link PinnedHttpTransport}: no second
 * DNS lookup, TLS verified against the host name, no redirects followed). Loopback is reachable
 * in sandbox mode only, where the provider simulators run.
 *
 * @param guard refuses internal addresses; in sandbox mode its allow-list holds loopback (127.0.0.0/8, ::1)
 */
public record ProviderGate(ProviderEndpoints endpoints, SsrfGuard guard, PinnedHttpTransport transport) {

    /** A provider request: method, absolute URL, headers (no line breaks), body (empty for none), time bound. */
    public record Call(String method, URI url, Map<String, String> headers, byte[] body, Duration timeout) {
        public Call {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
            body = body == null ? new byte[0] : body;
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public String toString() {
            // never the headers: they hold credentials
            return "Call[" + method + " " + url.getScheme() + "://" + url.getHost() + "]";
        }
    }

    /** The provider's answer: status, headers by lower-case name, body up to the limit asked for. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** The call was not sent: the URL is not one the provider's requests may go to. */
    public static final class Blocked extends IOException {
        public Blocked(String message) {
            super(message);
        }
    }

    /** The provider did not answer within the call's time bound. */
    public static final class TimedOut extends IOException {
        public TimedOut(String message) {
            super(message);
        }
    }

    public ProviderGate {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(transport, "transport");
    }

    /** The guard a gate uses: the webhooks' allow-list, plus loopback in sandbox mode (provider simulators). */
    public static SsrfGuard guardFor(boolean production, List<Cidr> outboundAllowList, SsrfGuard.Resolver resolver) {
        List<Cidr> allowed = new java.util.ArrayList<>(outboundAllowList);
        if (!production) {
            allowed.add(Cidr.parse("127.0.0.0/8"));
            allowed.add(Cidr.parse("::1/128"));
        }
        return new SsrfGuard(allowed, production, resolver);
    }

    /** Checks the URL for this provider and returns the address to connect to; {@link Blocked} with the reason otherwise. */
    public InetAddress check(ProviderId provider, URI url) throws Blocked {
        var refusal = endpoints.refusal(provider, url);
        if (refusal.isPresent()) {
            throw new Blocked(provider.displayName() + " URL " + shown(url) + " " + refusal.get());
        }
        try {
            return guard.check(url);
        } catch (SsrfGuard.Refused refused) {
            throw new Blocked(provider.displayName() + " URL " + shown(url) + " " + refused.getMessage());
        }
    }

    /**
     * Sends the call and reads at most {@code maxAnswerBytes} of the answer's body (one more byte
     * tells the caller the answer was longer). {@link Blocked} when the URL may not be called,
     * {@link TimedOut} when the provider did not answer in time or the call's bound left no time
     * to send it (nothing is sent then), another
     * {@link IOException} when it could not be reached.
     */
    public Answer send(ProviderId provider, Call call, int maxAnswerBytes) throws IOException {
        InetAddress address = check(provider, call.url());
        if (call.timeout().toMillis() <= 0) {
            // the time its answer was needed by has passed: nothing is sent, so nothing happened at the provider
            throw new TimedOut("not sent: no time was left to wait for " + provider.displayName() + "'s answer");
        }
        Map<String, String> headers = new LinkedHashMap<>(call.headers());
        PinnedHttpTransport.Outcome outcome = transport.exchange(call.method(), new PinnedHttpTransport.Request(
            call.url(), address, headers, call.body(), call.timeout(), call.timeout()), maxAnswerBytes + 1);
        if (outcome instanceof PinnedHttpTransport.Answered answered) {
            return new Answer(answered.status(), answered.headers(), answered.bodyExcerpt());
        }
        PinnedHttpTransport.Failed failed = (PinnedHttpTransport.Failed) outcome;
        if (failed.error() == PinnedHttpTransport.ErrorClass.TIMEOUT) {
            throw new TimedOut(failed.message());
        }
        if (failed.error() == PinnedHttpTransport.ErrorClass.CONNECTION_REFUSED) {
            throw new java.net.ConnectException(failed.message());
        }
        throw new IOException(failed.error() + ": " + failed.message());
    }

    private static String shown(URI url) {
        String authority = url.getRawAuthority() == null ? "" : url.getRawAuthority().replaceAll("^.*@", "");
        return "'" + url.getScheme() + "://" + authority + "'";
    }
}
