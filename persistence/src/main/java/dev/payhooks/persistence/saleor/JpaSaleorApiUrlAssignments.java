package dev.payhooks.persistence.saleor;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.saleor.AssignedSaleorApiUrl;
import dev.payhooks.domain.saleor.SaleorApiUrlAssignments;
import dev.payhooks.persistence.jpa.JpaRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** {@link SaleorApiUrlAssignments} on JPA. The caller owns the transaction. */
public class JpaSaleorApiUrlAssignments extends JpaRepository<SaleorApiUrlAssignmentEntity> implements SaleorApiUrlAssignments {

    public JpaSaleorApiUrlAssignments(EntityManager em) {
        super(em, SaleorApiUrlAssignmentEntity.class);
    }

    @Override
    public Optional<AssignedSaleorApiUrl> find(String apiUrl) {
        return find((Object) apiUrl).map(JpaSaleorApiUrlAssignments::toDomain);
    }

    @Override
    public List<AssignedSaleorApiUrl> ofMerchant(String merchantId) {
        return list(JpaSaleorApiUrlAssignments::toDomain,
            "select a from SaleorApiUrlAssignmentEntity a where a.merchantId = :merchant order by a.apiUrl", "merchant", merchantId);
    }

    @Override
    public void add(AssignedSaleorApiUrl assignment) {
        SaleorApiUrlAssignmentEntity row = new SaleorApiUrlAssignmentEntity();
        row.apiUrl = assignment.apiUrl();
        row.merchantId = assignment.merchantId();
        row.createdAt = assignment.createdAt();
        store(row.apiUrl, row, () -> new Conflict(assignment.apiUrl() + " is assigned already"));
    }

    @Override
    public void remove(String apiUrl) {
        find((Object) apiUrl).ifPresent(this::remove);
    }

    private static AssignedSaleorApiUrl toDomain(SaleorApiUrlAssignmentEntity row) {
        return new AssignedSaleorApiUrl(row.apiUrl, row.merchantId, row.createdAt);
    }
}
