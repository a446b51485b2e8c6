package dev.payhooks.application.saleor;

import dev.payhooks.domain.provider.npatobarai.GoodsLine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * NP Atobarai's calls a refund plan is made of, implemented by the adapter over NP's HTTP API;
 * called outside any database transaction. Each call is bounded by its {@link AnswerDeadline}; with
 * too little time left it is not sent, and answers not accepted.
 */
public interface NpAtobaraiCalls {

    /** The channel's NP configuration; empty when it is missing. In the caller's transaction. */
    Optional<NpAtobaraiChannel> configuredChannel(String merchantId, String channelSlug);

    Call cancel(NpAtobaraiChannel channel, String npTransactionId, AnswerDeadline deadline);

    /** Bills the order anew under the same NP transaction; accepted only when NP's credit check approves. */
    Call update(NpAtobaraiChannel channel, String npTransactionId, long billedAmount, List<GoodsLine> goods,
                ProviderData order, AnswerDeadline deadline);

    /** Registers the order as a new NP transaction; accepted only when NP's credit check approves. */
    Call register(NpAtobaraiChannel channel, long billedAmount, List<GoodsLine> goods, ProviderData order,
                  AnswerDeadline deadline);

    Call reportShipment(NpAtobaraiChannel channel, String npTransactionId, String carrierCode, String trackingNumber,
                        AnswerDeadline deadline);

    /**
     * @param accepted        whether NP did it
     * @param npTransactionId the NP transaction a registration created
     * @param description     what NP said, for the failure message
     */
    record Call(boolean accepted, Optional<String> npTransactionId, String description) {
        public Call {
            Objects.requireNonNull(npTransactionId, "npTransactionId");
            Objects.requireNonNull(description, "description");
        }
    }
}
