package dev.payhooks.adapters.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps outbound webhooks away from the hub's own network. A hook URL's host is resolved and
 * every address it resolves to is checked; deliveries then connect to the checked address
 * (pinning), so a DNS answer that changes between check and connect cannot slip through.
 * Loopback, private, link-local (cloud metadata), CGNAT, unique-local, site-local, multicast,
 * Teredo, NAT64 and unspecified addresses are refused unless an allow-list block contains them,
 * and so is every IPv6 spelling that carries an internal IPv4 address (IPv4-mapped,
 * IPv4-compatible, IPv4-translated, 6to4). A host whose DNS answer mixes public and internal
 * addresses is refused as a whole: the client could connect to any of them.
 */
public final class SsrfGuard {

    /** Answers which addresses a host name has; replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a URL was refused, in words for the person who entered it. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private static final List<Cidr> INTERNAL = List.of(
        Cidr.parse("0.0.0.0/8"),        // "this network", 0.0.0.0
        Cidr.parse("10.0.0.0/8"),
        Cidr.parse("100.64.0.0/10"),    // carrier-grade NAT
        Cidr.parse("127.0.0.0/8"),
        Cidr.parse("169.254.0.0/16"),   // link-local, cloud metadata 169.254.169.254
        Cidr.parse("172.16.0.0/12"),
        Cidr.parse("192.0.0.0/24"),     // IETF protocol assignments
        Cidr.parse("192.168.0.0/16"),
        Cidr.parse("198.18.0.0/15"),    // benchmarking
        Cidr.parse("224.0.0.0/4"),      // multicast
        Cidr.parse("240.0.0.0/4"),      // reserved, broadcast
        Cidr.parse("::/128"),           // unspecified
        Cidr.parse("::1/128"),
        Cidr.parse("fc00::/7"),         // unique local
        Cidr.parse("fe80::/10"),        // link-local
        Cidr.parse("fec0::/10"),        // site-local (deprecated, still routed inside some networks)
        Cidr.parse("ff00::/8"),         // multicast
        Cidr.parse("2001::/32"),        // Teredo: a tunnel whose far end (and IPv4 client) is hidden in the address
        Cidr.parse("64:ff9b::/96"),     // NAT64 (well-known prefix) can reach IPv4 internals
        Cidr.parse("64:ff9b:1::/48"));  // NAT64 (local-use prefix)

    private final List<Cidr> allowed;
    private final boolean httpsRequired;
    private final Resolver resolver;

    public SsrfGuard(List<Cidr> allowed, boolean httpsRequired, Resolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.httpsRequired = httpsRequired;
        this.resolver = resolver;
    }

    /** The allow-list setting: comma-separated CIDR blocks ({@code PAYHOOKS_OUTBOUND_ALLOW}). */
    public static List<Cidr> parseAllowList(String setting) {
        List<Cidr> blocks = new ArrayList<>();
        if (setting != null) {
            for (String part : setting.split(",")) {
                if (!part.isBlank()) {
                    blocks.add(Cidr.parse(part));
                }
            }
        }
        return blocks;
    }

    /** Checks a hook URL and returns the address to connect to. */
    public InetAddress check(URI url) throws Refused {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !httpsRequired)) {
            throw new Refused(httpsRequired ? "must be an https URL" : "must be an http or https URL");
        }
        if (url.getRawUserInfo() != null) {
            throw new Refused("must not contain a user name or password; use Basic authentication instead");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new Refused("has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new Refused("host '" + host + "' does not resolve");
        }
        if (addresses.length == 0) {
            throw new Refused("host '" + host + "' does not resolve");
        }
        // every address must pass: the client could pick any of them
        for (InetAddress address : addresses) {
            if (internal(address) && allowed.stream().noneMatch(block -> block.contains(address))) {
                throw new Refused("host '" + host + "' points into a private or internal network ("
                    + address.getHostAddress() + "), which the hub may not reach");
            }
        }
        return addresses[0];
    }

    static boolean internal(InetAddress address) {
        if (INTERNAL.stream().anyMatch(block -> block.contains(address))) {
            return true;
        }
        Optional<InetAddress> embedded = embeddedIpv4(address);
        return embedded.isPresent() && INTERNAL.stream().anyMatch(block -> block.contains(embedded.get()));
    }

    /**
     * The IPv4 address an IPv6 address reaches or names: ::ffff:10.0.0.1 (mapped), ::10.0.0.1
     * (compatible), ::ffff:0:10.0.0.1 (translated) and 2002:0a00:0001:: (6to4) all lead to 10.0.0.1.
     */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean zeroPrefix = Arrays.equals(Arrays.copyOf(b, 8), new byte[8]);
        boolean mapped = zeroPrefix && b[8] == 0 && b[9] == 0 && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
        boolean translated = zeroPrefix && (b[8] & 0xFF) == 0xFF && (b[9] & 0xFF) == 0xFF && b[10] == 0 && b[11] == 0;
        boolean compatible = zeroPrefix && b[8] == 0 && b[9] == 0 && b[10] == 0 && b[11] == 0
            && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        if (mapped || translated || compatible) {
            return Optional.of(ipv4(Arrays.copyOfRange(b, 12, 16)));
        }
        if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
            return Optional.of(ipv4(Arrays.copyOfRange(b, 2, 6)));
        }
        return Optional.empty();
    }

    private static InetAddress ipv4(byte[] four) {
        try {
            return Inet4Address.getByAddress(four);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
