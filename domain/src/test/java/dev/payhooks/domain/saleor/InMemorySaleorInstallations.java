package dev.payhooks.domain.saleor;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.ProviderId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test double of {@link SaleorInstallations}. */
public class InMemorySaleorInstallations implements SaleorInstallations {

    private final Map<String, SaleorInstallation> byKey = new ConcurrentHashMap<>();

    private static String key(String apiUrl, ProviderId provider) {
        return provider.slug() + " " + apiUrl;
    }

    @Override
    public Optional<SaleorInstallation> find(String apiUrl, ProviderId provider) {
        return Optional.ofNullable(byKey.get(key(apiUrl, provider))).map(SaleorInstallationCopy::of);
    }

    @Override
    public List<SaleorInstallation> ofMerchant(String merchantId, ProviderId provider) {
        return byKey.values().stream().filter(i -> i.merchantId().equals(merchantId) && i.provider() == provider)
            .map(SaleorInstallationCopy::of).toList();
    }

    @Override
    public List<SaleorInstallation> ofMerchant(String merchantId) {
        return byKey.values().stream().filter(i -> i.merchantId().equals(merchantId))
            .sorted(java.util.Comparator.comparing((SaleorInstallation i) -> i.provider().slug())
                .thenComparing(SaleorInstallation::apiUrl))
            .map(SaleorInstallationCopy::of).toList();
    }

    @Override
    public void remove(SaleorInstallation installation) {
        byKey.remove(key(installation.apiUrl(), installation.provider()));
    }

    @Override
    public void add(SaleorInstallation installation) {
        if (byKey.putIfAbsent(key(installation.apiUrl(), installation.provider()), SaleorInstallationCopy.of(installation)) != null) {
            throw new Conflict("installation exists");
        }
    }

    @Override
    public void update(SaleorInstallation installation) {
        byKey.put(key(installation.apiUrl(), installation.provider()), SaleorInstallationCopy.next(installation));
    }

    static final class SaleorInstallationCopy {
        static SaleorInstallation of(SaleorInstallation i) {
            return SaleorInstallation.reconstitute(i.apiUrl(), i.provider(), i.merchantId(), i.appId(), i.token(), i.jwks(),
                i.installedAt(), i.updatedAt(), i.version());
        }

        static SaleorInstallation next(SaleorInstallation i) {
            return SaleorInstallation.reconstitute(i.apiUrl(), i.provider(), i.merchantId(), i.appId(), i.token(), i.jwks(),
                i.installedAt(), i.updatedAt(), i.version() + 1);
        }
    }
}
