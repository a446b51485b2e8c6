package dev.payhooks.adapters.npatobarai;

import dev.payhooks.domain.provider.npatobarai.GoodsLine;

import java.time.LocalDate;
import java.util.List;

/**
 * One item of NP Atobarai's register / update call.
 *
 * @param shopTransactionId Saleor's transaction token (at most 40 characters)
 * @param billedAmount      positive yen
 */
public record NpTransaction(String shopTransactionId, LocalDate shopOrderDate, long billedAmount,
                            NpCustomer customer, NpCustomer destination, List<GoodsLine> goods) {

    public NpTransaction {
        goods = List.copyOf(goods);
    }

    public NpTransaction withBilling(long amount, List<GoodsLine> newGoods) {
        return new NpTransaction(shopTransactionId, shopOrderDate, amount, customer, destination, newGoods);
    }
}
