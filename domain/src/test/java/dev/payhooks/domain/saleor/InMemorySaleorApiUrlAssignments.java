package dev.payhooks.domain.saleor;

import dev.payhooks.domain.error.Conflict;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test double of {@link SaleorApiUrlAssignments}. */
public class InMemorySaleorApiUrlAssignments implements SaleorApiUrlAssignments {

    private final Map<String, AssignedSaleorApiUrl> byUrl = new ConcurrentHashMap<>();

    @Override
    public Optional<AssignedSaleorApiUrl> find(String apiUrl) {
        return Optional.ofNullable(byUrl.get(apiUrl));
    }

    @Override
    public List<AssignedSaleorApiUrl> ofMerchant(String merchantId) {
        return byUrl.values().stream().filter(a -> a.merchantId().equals(merchantId))
            .sorted(Comparator.comparing(AssignedSaleorApiUrl::apiUrl)).toList();
    }

    @Override
    public void add(AssignedSaleorApiUrl assignment) {
        if (byUrl.putIfAbsent(assignment.apiUrl(), assignment) != null) {
            throw new Conflict(assignment.apiUrl() + " is assigned already");
        }
    }

    @Override
    public void remove(String apiUrl) {
        byUrl.remove(apiUrl);
    }
}
