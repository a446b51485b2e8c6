package dev.payhooks.domain.merchant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Merchants} in a map, for tests of code that uses the port. */
public class InMemoryMerchants implements Merchants {

    private final Map<String, Merchant> byId = new LinkedHashMap<>();

    @Override public synchronized Optional<Merchant> byId(String id) { return Optional.ofNullable(byId.get(id)); }
    @Override public synchronized List<Merchant> all() { return new ArrayList<>(byId.values()); }
    @Override public synchronized long count() { return byId.size(); }
    @Override public synchronized void add(Merchant merchant) { byId.put(merchant.id(), merchant); }
    @Override public synchronized void update(Merchant merchant) { byId.put(merchant.id(), merchant); }
}
