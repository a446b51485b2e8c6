package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.SealedSecret;
import dev.payhooks.domain.saleor.SaleorInstallation;
import dev.payhooks.domain.saleor.SaleorInstallations;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** {@link SaleorInstallations} on JPA. The caller owns the transaction. */
public class JpaSaleorInstallations extends JpaRepository<SaleorInstallationEntity> implements SaleorInstallations {

    public JpaSaleorInstallations(EntityManager em) {
        super(em, SaleorInstallationEntity.class);
    }

    @Override
    public Optional<SaleorInstallation> find(String apiUrl, ProviderId provider) {
        return find(new SaleorInstallationEntity.Key(apiUrl, provider.slug())).map(JpaSaleorInstallations::toDomain);
    }

    @Override
    public List<SaleorInstallation> ofMerchant(String merchantId, ProviderId provider) {
        return list(JpaSaleorInstallations::toDomain, "select i from SaleorInstallationEntity i where i.merchantId = :merchant"
            + " and i.provider = :provider order by i.apiUrl", "merchant", merchantId, "provider", provider.slug());
    }

    @Override
    public List<SaleorInstallation> ofMerchant(String merchantId) {
        return list(JpaSaleorInstallations::toDomain,
            "select i from SaleorInstallationEntity i where i.merchantId = :merchant order by i.provider, i.apiUrl", "merchant", merchantId);
    }

    @Override
    public void remove(SaleorInstallation installation) {
        find(key(installation)).ifPresent(this::remove);
    }

    @Override
    public void add(SaleorInstallation installation) {
        SaleorInstallationEntity row = new SaleorInstallationEntity();
        row.apiUrl = installation.apiUrl();
        row.provider = installation.provider().slug();
        row.merchantId = installation.merchantId();
        row.installedAt = installation.installedAt();
        copy(installation, row);
        store(key(installation), row, () -> new Conflict("the " + installation.provider().slug() + " app is installed in "
            + installation.apiUrl() + " already"));
    }

    @Override
    public void update(SaleorInstallation installation) {
        change(key(installation), installation.version(),
            () -> new Conflict("the installation in " + installation.apiUrl() + " was changed meanwhile"), row -> copy(installation, row));
    }

    private static SaleorInstallationEntity.Key key(SaleorInstallation installation) {
        return new SaleorInstallationEntity.Key(installation.apiUrl(), installation.provider().slug());
    }

    private static void copy(SaleorInstallation from, SaleorInstallationEntity to) {
        to.appId = from.appId();
        to.sealedToken = from.token().value();
        to.jwks = from.jwks();
        to.updatedAt = from.updatedAt();
    }

    private static SaleorInstallation toDomain(SaleorInstallationEntity row) {
        return SaleorInstallation.reconstitute(row.apiUrl, ProviderId.fromSlug(row.provider), row.merchantId, row.appId,
            new SealedSecret(row.sealedToken), row.jwks, row.installedAt, row.updatedAt, row.version());
    }
}
