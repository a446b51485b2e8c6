package dev.payhooks.adapters.outbound;

import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.ProviderEndpointPolicy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The hosts each provider documents for its API (docs/PROVIDER-HOSTS.md), plus what the operator
 * allows on top per provider ({@code payhooks.<provider>.allowed-hosts}). A provider URL must be
 * https in production and name one of its provider's hosts; in sandbox mode http is accepted and
 * so are loopback hosts and the hub's own host (its provider simulators). A pattern's {@code *}
 * stands for the characters of one DNS label ({@code *-checkout-live.adyenpayments.com}).
 */
public final class ProviderEndpoints implements ProviderEndpointPolicy {

    /** What each provider documents; the operator's additions come on top. */
    public static final Map<ProviderId, List<String>> DOCUMENTED = Map.of(
        ProviderId.NP_ATOBARAI, List.of("cp.np-payment-gateway.com", "ctcp.np-payment-gateway.com"),
        ProviderId.ADYEN, List.of("checkout-test.adyen.com", "*-checkout-live.adyenpayments.com"),
        ProviderId.WALLEY, List.of("api.walleypay.com", "api.uat.walleydev.com"),
        ProviderId.ANNANOW, List.of("api.payrexx.com"));

    private static final Pattern HOST_PATTERN = Pattern.compile("[a-z0-9*]([a-z0-9*.-]{0,251}[a-z0-9])?|[0-9a-f:.]+");

    private final boolean production;
    private final Map<ProviderId, List<String>> overrides;
    private final Set<String> ownHosts;

    /**
     * @param overrides the operator's extra hosts per provider (host names or patterns, lower case)
     * @param ownHosts  the hub's own host names (its public URL), reachable in sandbox mode only
     */
    public ProviderEndpoints(boolean production, Map<ProviderId, List<String>> overrides, Set<String> ownHosts) {
        this.production = production;
        Map<ProviderId, List<String>> copy = new EnumMap<>(ProviderId.class);
        overrides.forEach((provider, hosts) -> copy.put(provider, hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList()));
        this.overrides = Map.copyOf(copy);
        this.ownHosts = ownHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The {@code payhooks.<provider>.allowed-hosts} setting: comma-separated host names or patterns. */
    public static List<String> parseHosts(String setting) {
        List<String> hosts = new ArrayList<>();
        if (setting != null) {
            for (String part : setting.split(",")) {
                String host = part.strip().toLowerCase(Locale.ROOT);
                if (host.isEmpty()) {
                    continue;
                }
                if (!HOST_PATTERN.matcher(host).matches()) {
                    throw new IllegalArgumentException("not a host name or pattern: '" + part.strip() + "'");
                }
                hosts.add(host);
            }
        }
        return hosts;
    }

    public boolean production() {
        return production;
    }

    /** The operator's extra hosts per provider (for the startup warning). */
    public Map<ProviderId, List<String>> overrides() {
        return overrides;
    }

    /** Every host the provider's URLs may name here: documented, then the operator's. */
    public List<String> hosts(ProviderId provider) {
        List<String> all = new ArrayList<>(DOCUMENTED.get(provider));
        all.addAll(overrides.getOrDefault(provider, List.of()));
        return all;
    }

    @Override
    public void check(ProviderId provider, String field, URI url) {
        refusal(provider, url).ifPresent(why -> {
            throw new InvalidField(field, why);
        });
    }

    /** Why the hub may not send this provider's requests to {@code url}, or empty when it may. */
    public Optional<String> refusal(ProviderId provider, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !production)) {
            return Optional.of(production ? "must be an https URL" : "must be an http or https URL");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("must not contain a user name or password");
        }
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            return Optional.of("has no host");
        }
        String named = host;
        if (hosts(provider).stream().anyMatch(pattern -> matches(pattern, named))) {
            return Optional.empty();
        }
        if (!production && (loopback(host) || ownHosts.contains(host))) {
            return Optional.empty();
        }
        return Optional.of("host '" + host + "' is not one of " + provider.displayName() + "'s API hosts ("
            + String.join(", ", hosts(provider)) + "); an operator can allow another with payhooks." + provider.slug()
            + ".allowed-hosts");
    }

    /** {@code *} matches one or more characters of a single DNS label; everything else literally, case-insensitively. */
    static boolean matches(String pattern, String host) {
        String regex = Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("\\*", -1))
            .map(Pattern::quote)
            .reduce((a, b) -> a + "[a-z0-9-]+" + b)
            .orElse("");
        return host.toLowerCase(Locale.ROOT).matches(regex);
    }

    /** localhost, 127.0.0.0/8 and ::1, as written (no DNS lookup: the guard checks the resolved address). */
    static boolean loopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException notALiteral) {
            return false;
        }
    }
}
