package dev.payhooks.adapters.management;

import dev.payhooks.adapters.api.PublicEndpoint;
import dev.payhooks.adapters.notifications.NotificationsResource;
import dev.payhooks.adapters.saleor.SaleorAppResource;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyAuthenticationTest {

    @Test
    void managementResourcesRequireAKeyWhateverTheirPath() {
        for (Class<?> resource : Set.of(ChannelsResource.class, WebhooksResource.class, EventsResource.class,
                ApiKeysResource.class, MerchantResource.class, SignatureKeyResource.class,
                TransactionsResource.class)) {
            assertTrue(ApiKeyAuthentication.requiresKey(resource), resource.getName());
        }
    }

    @Test
    void onlyProviderReceiversAndSaleorAppsArePublic() throws IOException {
        // the sandbox module's simulators are public too (its own test)
        for (Class<?> resource : Set.of(NotificationsResource.class, SaleorAppResource.class)) {
            assertFalse(ApiKeyAuthentication.requiresKey(resource), resource.getName());
        }
        // every @Path class in the adapters: a new resource is gated unless someone marks it public
        Set<String> publicOnes = new TreeSet<>();
        int resources = 0;
        Path classes = Path.of(classesDirectory());
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, getClass().getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    resources++;
                    if (!ApiKeyAuthentication.requiresKey(type)) {
                        publicOnes.add(type.getSimpleName());
                    }
                }
            }
        }
        assertTrue(resources >= 9, "found only " + resources + " resource classes");
        assertEquals(new TreeSet<>(Set.of("NotificationsResource", "SaleorAppResource", "WebhookKeysResource")), publicOnes);
    }

    private static java.net.URI classesDirectory() {
        try {
            return ApiKeyAuthentication.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unknownResourceRequiresAKey() {
        assertTrue(ApiKeyAuthentication.requiresKey(null));
        assertFalse(PublicEndpoint.class.getName().isEmpty());
    }

    /** The raw paths the JAX-RS router maps to the channels resource: none of them slips past the filter. */
    @ParameterizedTest
    @ValueSource(strings = {"v1/channels", "v1;a=b/channels", "/v1;a=b/channels", "V1/channels", "v1/./channels",
        "%2e%2e/api/v1/channels", "/api/v1/channels", "//v1/channels", "v1%2Fchannels", "v1./channels", ""})
    void aRequestThatReachedAManagementResourceWithoutAKeyIsRefused(String rawPath) {
        AtomicBoolean aborted = new AtomicBoolean();
        ApiKeyAuthentication filter = gate();
        filter.resource = resourceInfo(ChannelsResource.class);
        filter.filter(request(rawPath, null, aborted));
        assertTrue(aborted.get(), rawPath);
    }

    @Test
    void aWrongSchemeIsRefusedToo() {
        AtomicBoolean aborted = new AtomicBoolean();
        ApiKeyAuthentication filter = gate();
        filter.resource = resourceInfo(ChannelsResource.class);
        filter.filter(request("v1/channels", "Basic YTpi", aborted));
        assertTrue(aborted.get());
    }

    @Test
    void aPublicResourceIsLeftToItsOwnAuthentication() {
        AtomicBoolean aborted = new AtomicBoolean();
        ApiKeyAuthentication filter = gate();
        filter.resource = resourceInfo(NotificationsResource.class);
        // even when its path looks like the management API's
        filter.filter(request("v1/../notifications/adyen/x", null, aborted));
        assertFalse(aborted.get());
    }

    /**
     * Operator keys reach operator resources only and merchant keys the rest only; a disabled
     * merchant's key reaches nothing. What the filter refused, it refused before any resource ran.
     */
    @Test
    void eachKindOfKeyReachesItsOwnResourcesOnly() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-23T12:00:00Z"), java.time.ZoneOffset.UTC);
        dev.payhooks.domain.merchant.InMemoryMerchants merchants = new dev.payhooks.domain.merchant.InMemoryMerchants();
        merchants.add(dev.payhooks.domain.merchant.Merchant.register("m1", "One", "aaaaaaaaaaaaaaa", clock.instant()));
        merchants.add(dev.payhooks.domain.merchant.Merchant.register("m2", "Two", "bbbbbbbbbbbbbbb", clock.instant()));
        dev.payhooks.application.apikeys.ManageApiKeys keys = new dev.payhooks.application.apikeys.ManageApiKeys(
            new dev.payhooks.domain.merchant.InMemoryApiKeys(), new dev.payhooks.domain.port.FakeSecrets(),
            new dev.payhooks.domain.port.SequentialIds(), clock,
            new dev.payhooks.domain.audit.InMemoryAuditTrail().recorder(() -> dev.payhooks.domain.audit.Actor.SYSTEM, clock));
        String merchantKey = keys.issue("m1", "one", "phk_" + "a".repeat(40)).plaintext();
        String disabledKey = keys.issue("m2", "two", "phk_" + "b".repeat(40)).plaintext();
        merchants.byId("m2").orElseThrow().disable(clock.instant());
        String operatorKey = "pho_" + "c".repeat(40);
        dev.payhooks.application.merchants.ApiAccess access = new dev.payhooks.application.merchants.ApiAccess(keys, merchants,
            dev.payhooks.application.merchants.OperatorKeys.of(java.util.List.of(operatorKey), "payhooks.operator-keys"));

        record Case(Class<?> resource, String key, Class<?> refusedAs) { }
        for (Case c : java.util.List.of(
                new Case(ChannelsResource.class, merchantKey, null),
                new Case(ChannelsResource.class, operatorKey, dev.payhooks.application.merchants.ApiAccess.OperatorKey.class),
                new Case(ChannelsResource.class, disabledKey, dev.payhooks.application.merchants.ApiAccess.MerchantDisabled.class),
                new Case(MerchantsResource.class, operatorKey, null),
                new Case(MerchantsResource.class, merchantKey, dev.payhooks.application.merchants.ApiAccess.MerchantKey.class),
                new Case(MerchantsResource.class, disabledKey, dev.payhooks.application.merchants.ApiAccess.MerchantDisabled.class),
                new Case(MerchantsResource.class, "pho_" + "d".repeat(40), dev.payhooks.application.merchants.ApiAccess.Refused.class),
                new Case(MerchantsResource.class, null, dev.payhooks.application.merchants.ApiAccess.Refused.class))) {
            java.util.List<Object> refused = new java.util.ArrayList<>();
            ApiKeyAuthentication filter = new ApiKeyAuthentication() {
                @Override
                Response refusal(dev.payhooks.application.merchants.ApiAccess.Access found) {
                    refused.add(found);
                    return null;
                }

                @Override
                Response unauthorized() {
                    refused.add(new dev.payhooks.application.merchants.ApiAccess.Refused());
                    return null;
                }
            };
            filter.access = access;
            filter.caller = new ApiCaller();
            filter.resource = resourceInfo(c.resource());
            AtomicBoolean aborted = new AtomicBoolean();
            String description = c.resource().getSimpleName() + " with " + c.key();
            if (c.refusedAs() == null) {
                assertThrows(AssertionError.class, () -> filter.filter(request("v1/x", "Bearer " + c.key(), aborted)),
                    description + ": passes the key check");
                assertTrue(refused.isEmpty(), description);
            } else {
                filter.filter(request("v1/x", c.key() == null ? null : "Bearer " + c.key(), aborted));
                assertTrue(aborted.get(), description);
                assertEquals(c.refusedAs(), refused.get(0).getClass(), description);
            }
        }
    }

    /** The filter with its 401 answer stubbed: building a JAX-RS response needs a JAX-RS runtime. */
    private static ApiKeyAuthentication gate() {
        return new ApiKeyAuthentication() {
            @Override
            Response unauthorized() {
                return null;
            }
        };
    }

    private static ResourceInfo resourceInfo(Class<?> type) {
        return new ResourceInfo() {
            @Override public Method getResourceMethod() { return null; }
            @Override public Class<?> getResourceClass() { return type; }
        };
    }

    private static ContainerRequestContext request(String path, String authorization, AtomicBoolean aborted) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[]{UriInfo.class},
            (p, method, args) -> switch (method.getName()) {
                case "getPath" -> path;
                default -> throw new UnsupportedOperationException(method.getName());
            });
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
            new Class<?>[]{ContainerRequestContext.class}, (p, method, args) -> switch (method.getName()) {
                case "getUriInfo" -> uri;
                case "getSecurityContext" -> throw new AssertionError("a refused request reached the key check's end");
                case "getHeaderString" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                case "abortWith" -> {
                    aborted.set(true);
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }
}
