package dev.payhooks.adapters.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsrfGuardTest {

    /** A fixed DNS: names used below and the addresses they resolve to. */
    static final Map<String, String[]> DNS = Map.of(
        "hooks.example.com", new String[] {"93.184.216.34"},
        "sneaky.example.com", new String[] {"127.0.0.1"},
        "mixed.example.com", new String[] {"93.184.216.34", "10.1.2.3"},
        "v6.example.com", new String[] {"2606:2800:220:1:248:1893:25c8:1946"});

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] answers = DNS.get(host);
        if (answers == null) {
            // literals resolve to themselves, anything else does not exist here
            if (host.matches("[0-9A-Fa-f:.]+")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[answers.length];
        for (int i = 0; i < answers.length; i++) {
            addresses[i] = InetAddress.getByName(answers[i]);
        }
        return addresses;
    }

    final SsrfGuard guard = new SsrfGuard(List.of(), false, SsrfGuardTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {
        "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data/", "http://[::1]:8080/hook",
        "https://sneaky.example.com/hook", "http://127.0.0.1/", "http://0.0.0.0/", "http://192.168.1.10/",
        "http://172.16.5.4/", "http://100.64.0.1/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:169.254.169.254]/", "http://224.0.0.1/", "http://255.255.255.255/", "https://mixed.example.com/"})
    void internalDestinationsAreRefused(String url) {
        SsrfGuard.Refused refused = assertThrows(SsrfGuard.Refused.class, () -> guard.check(URI.create(url)));

        assertTrue(refused.getMessage().contains("private or internal network"), refused.getMessage());
    }

    @Test
    void publicDestinationsPassAndTheCheckedAddressIsReturned() throws Exception {
        assertEquals(InetAddress.getByName("93.184.216.34"), guard.check(URI.create("https://hooks.example.com/payhooks")));
        assertEquals(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"), guard.check(URI.create("https://v6.example.com/")));
    }

    @Test
    void theAllowListOpensLoopbackForTestsAndTheSandbox() throws Exception {
        SsrfGuard sandbox = new SsrfGuard(SsrfGuard.parseAllowList("127.0.0.0/8, ::1/128"), false, SsrfGuardTest::resolve);

        assertEquals(InetAddress.getByName("127.0.0.1"), sandbox.check(URI.create("http://sneaky.example.com:9000/hook")));
        sandbox.check(URI.create("http://[::1]:9000/hook"));
        assertThrows(SsrfGuard.Refused.class, () -> sandbox.check(URI.create("http://10.0.0.1/")));
    }

    @Test
    void productionRequiresHttpsAndNoCredentialsInTheUrl() {
        SsrfGuard production = new SsrfGuard(List.of(), true, SsrfGuardTest::resolve);

        assertEquals("must be an https URL",
            assertThrows(SsrfGuard.Refused.class, () -> production.check(URI.create("http://hooks.example.com/"))).getMessage());
        assertThrows(SsrfGuard.Refused.class, () -> guard.check(URI.create("ftp://hooks.example.com/")));
        assertThrows(SsrfGuard.Refused.class, () -> guard.check(URI.create("https://user:pw@hooks.example.com/")));
        assertThrows(SsrfGuard.Refused.class, () -> guard.check(URI.create("https://nowhere.invalid/")));
    }

    @Test
    void cidrBlocks() throws Exception {
        assertTrue(Cidr.parse("10.0.0.0/8").contains(InetAddress.getByName("10.255.1.2")));
        assertTrue(Cidr.parse("100.64.0.0/10").contains(InetAddress.getByName("100.127.255.255")));
        assertTrue(!Cidr.parse("100.64.0.0/10").contains(InetAddress.getByName("100.128.0.0")));
        assertTrue(!Cidr.parse("10.0.0.0/8").contains(InetAddress.getByName("::1")));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("example.com/8"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/x"));
    }

    /**
     * IPv6 spellings of internal destinations, as a resolver may hand them over (kept as IPv6
     * objects: the JDK would turn a mapped literal into IPv4 itself), and the DNS answer that
     * mixes a public address with an internal one. Each row: address(es), whether refused.
     */
    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "2002:0a00:0001::1                  | true",   // 6to4 of 10.0.0.1
        "2002:a9fe:a9fe::                   | true",   // 6to4 of 169.254.169.254 (metadata)
        "2002:7f00:0001::                   | true",   // 6to4 of 127.0.0.1
        "2002:5db8:d822::1                  | false",  // 6to4 of 93.184.216.34 (public)
        "2001:0:4136:e378:8000:63bf:3fff:fdd2 | true", // Teredo
        "2001:0000::1                       | true",   // Teredo prefix itself
        "::ffff:10.0.0.1                    | true",   // IPv4-mapped private
        "::ffff:169.254.169.254             | true",   // IPv4-mapped metadata
        "::ffff:127.0.0.1                   | true",   // IPv4-mapped loopback
        "::ffff:93.184.216.34               | false",  // IPv4-mapped public
        "::ffff:0:10.0.0.1                  | true",   // IPv4-translated private
        "::10.0.0.1                         | true",   // IPv4-compatible private
        "64:ff9b::10.0.0.1                  | true",   // NAT64 of a private address
        "64:ff9b::169.254.169.254           | true",   // NAT64 of the metadata address
        "64:ff9b:1::10.0.0.1                | true",   // local-use NAT64
        "::                                 | true",   // unspecified
        "::1                                | true",
        "fec0::1                            | true",   // site-local
        "feff::1                            | true",   // site-local, top of the block
        "fd12:3456::1                       | true",   // unique local
        "2606:2800:220:1:248:1893:25c8:1946 | false",  // public IPv6
        "93.184.216.34 10.0.0.1             | true",   // DNS answer mixing public and private
        "2606:2800:220:1::1 fd00::1         | true",   // the same in IPv6
        "93.184.216.34 2002:0a00:0001::     | true",   // a public v4 and a 6to4 spelling of a private one
        "93.184.216.34 2606:2800:220:1::1   | false"})
    void ipv6SpellingsOfInternalAddressesAndMixedAnswersAreRefused(String answers, boolean refused) throws Exception {
        List<InetAddress> addresses = new java.util.ArrayList<>();
        for (String answer : answers.trim().split("\\s+")) {
            byte[] bytes = InetAddress.getByName(answer).getAddress();
            if (answer.contains(":") && bytes.length == 4) {
                // the JDK parsed a mapped literal into IPv4: rebuild the 16 bytes the resolver would give
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                bytes = mapped;
            }
            addresses.add(bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes));
        }
        SsrfGuard dns = new SsrfGuard(List.of(), false, host -> addresses.toArray(InetAddress[]::new));
        URI url = URI.create("https://hooks.example.com/hook");

        if (refused) {
            SsrfGuard.Refused refusal = assertThrows(SsrfGuard.Refused.class, () -> dns.check(url));
            assertTrue(refusal.getMessage().contains("private or internal network"), refusal.getMessage());
        } else {
            assertEquals(addresses.get(0), dns.check(url));
        }
    }
}
