package dev.payhooks.adapters.saleor;

import dev.payhooks.domain.hub.PublicUrl;
import dev.payhooks.domain.payment.ProviderId;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The manifest's absolute URLs: the configured public URL, never the request's Host header in production. */
class SaleorAppResourceTest {

    static final SaleorPaymentApp APP = new SaleorPaymentApp() {
        @Override public ProviderId provider() { return ProviderId.NP_ATOBARAI; }
        @Override public String name() { return "NP Atobarai"; }
        @Override public List<ManifestWebhook> webhooks() {
            return List.of(new ManifestWebhook("Initialize", "transaction_initialize_session", true, "subscription { x }"));
        }
        @Override public SaleorReply handle(SaleorWebhook webhook) { throw new UnsupportedOperationException(); }
    };

    /** What JAX-RS builds from a request whose Host header said {@code host}. */
    static UriInfo requestTo(String host) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
            (proxy, method, args) -> {
                if (method.getName().equals("getBaseUri")) {
                    return URI.create("http://" + host + "/api/");
                }
                throw new UnsupportedOperationException(method.getName());
            });
    }

    @SuppressWarnings("unchecked")
    static SaleorAppResource resource(PublicUrl publicUrl, String host) {
        SaleorAppResource resource = new SaleorAppResource();
        resource.apps = (Instance<SaleorPaymentApp>) Proxy.newProxyInstance(Instance.class.getClassLoader(),
            new Class<?>[] {Instance.class}, (proxy, method, args) -> {
                if (method.getName().equals("iterator")) {
                    return List.of(APP).iterator();
                }
                throw new UnsupportedOperationException(method.getName());
            });
        resource.publicUrl = publicUrl;
        resource.uri = requestTo(host);
        return resource;
    }

    @Test
    void aForgedHostHeaderDoesNotChangeTheManifestInProduction() {
        PublicUrl configured = PublicUrl.of(Optional.of("https://payhooks.shop.example"), true);

        JsonObject manifest = resource(configured, "evil.example").manifest("np-atobarai");

        assertEquals("https://payhooks.shop.example/api/saleor/np-atobarai/register", manifest.getString("tokenTargetUrl"));
        assertEquals("https://payhooks.shop.example/api/saleor/np-atobarai/manifest", manifest.getString("appUrl"));
        assertEquals("https://payhooks.shop.example/api/saleor/np-atobarai/webhooks/transaction_initialize_session",
            manifest.getJsonArray("webhooks").getJsonObject(0).getString("targetUrl"));
    }

    @Test
    void sandboxWithoutAPublicUrlNamesTheAddressTheRequestCameTo() {
        JsonObject manifest = resource(PublicUrl.of(Optional.empty(), false), "localhost:8080").manifest("np-atobarai");

        assertEquals("http://localhost:8080/api/saleor/np-atobarai/register", manifest.getString("tokenTargetUrl"));
    }
}
