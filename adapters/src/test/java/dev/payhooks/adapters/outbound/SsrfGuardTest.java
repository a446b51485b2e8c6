package dev.payhooks.adapters.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
}
