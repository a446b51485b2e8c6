package dev.payhooks.domain.merchant;

import java.util.List;
import java.util.Optional;

/** All merchants. */
public interface Merchants {

    Optional<Merchant> byId(String id);

    List<Merchant> all();

    long count();

    void add(Merchant merchant);

    void update(Merchant merchant);
}
