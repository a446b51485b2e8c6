package dev.payhooks.application.saleor;

import dev.payhooks.domain.Required;
import dev.payhooks.domain.payment.Money;
import dev.payhooks.domain.payment.TransactionId;
import dev.payhooks.domain.provider.npatobarai.OrderGoods;
import dev.payhooks.domain.refund.RefundLine;
import dev.payhooks.domain.saleor.SaleorInstallation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A merchant's refund of an NP Atobarai payment, read from Saleor's refund request.
 *
 * @param caller            the installation whose signature was checked: its merchant acts
 * @param transaction       the hub's id of the Saleor transaction
 * @param charged           what Saleor says was charged, if it says
 * @param grantedRefundId   Saleor's granted refund, empty for a manual refund
 * @param refundedQuantities order line id → quantity given back (granted refunds)
 * @param shippingIncluded  whether a granted refund gives the shipping back
 * @param goods             the order's goods, or empty when they cannot be read ({@code goodsProblem})
 * @param pspReference      the NP transaction id Saleor holds, if any
 * @param deliveryKey       what makes two deliveries the same request
 * @param order             the adapter's own data for the NP calls
 * @param deadline          when Saleor stops waiting for the answer: every NP call is bounded by it
 */
public record NpRefundCommand(SaleorInstallation caller, TransactionId transaction, Optional<String> channelSlug,
                              Money amount, Optional<Money> charged, Optional<String> grantedRefundId,
                              Map<String, Integer> refundedQuantities, List<RefundLine> lines, boolean shippingIncluded,
                              Optional<OrderGoods> goods, Optional<String> goodsProblem, Optional<String> pspReference,
                              String deliveryKey, ProviderData order, AnswerDeadline deadline) implements ChannelRequest {

    public NpRefundCommand {
        Required.nonNull("caller, transaction, channelSlug, amount, charged, grantedRefundId",
            caller, transaction, channelSlug, amount, charged, grantedRefundId);
        refundedQuantities = Collections.unmodifiableMap(new LinkedHashMap<>(refundedQuantities));
        lines = List.copyOf(lines);
        Required.nonNull("pspReference, order, deadline", pspReference, order, deadline);
        if (goods.isPresent() == goodsProblem.isPresent()) {
            throw new IllegalArgumentException("either the goods or why they cannot be read");
        }
        Required.text(deliveryKey, "deliveryKey");
    }
}
