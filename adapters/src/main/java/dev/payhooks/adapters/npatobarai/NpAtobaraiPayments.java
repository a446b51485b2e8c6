package dev.payhooks.adapters.npatobarai;

import dev.payhooks.adapters.npatobarai.NpAtobaraiChannels.NpChannel;
import dev.payhooks.adapters.saleor.SaleorSourceObject;
import dev.payhooks.adapters.saleor.SessionReplies;
import dev.payhooks.application.saleor.AnswerDeadline;
import dev.payhooks.application.saleor.NpAtobaraiCalls;
import dev.payhooks.application.saleor.NpAtobaraiChannel;
import dev.payhooks.application.saleor.PaymentProvider;
import dev.payhooks.application.saleor.ProviderAnswer;
import dev.payhooks.application.saleor.ProviderChannel;
import dev.payhooks.application.saleor.ProviderData;
import dev.payhooks.domain.payment.OperationResult;
import dev.payhooks.domain.provider.npatobarai.CreditCheck;
import dev.payhooks.domain.provider.npatobarai.GoodsLine;
import dev.payhooks.domain.provider.npatobarai.HoldReason;
import jakarta.json.JsonArrayBuilder;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.payhooks.adapters.api.Jsonp.JSON;

/**
 * NP Atobarai behind the Saleor handlers' provider port: a session registers the order
 * ({@code POST /transactions}), processing it updates the registration
 * ({@code PATCH /transactions/update}). Every NP answer is NP's word on the payment, a timeout
 * too (NP Atobarai has no idempotency key to ask again safely): what its credit check means is
 * {@link CreditCheck}'s. A refund's plan is made of cancel, update, register and shipment
 * report calls.
 */
public record NpAtobaraiPayments(NpAtobaraiChannels channels,
                                 NpAtobaraiClient np) implements PaymentProvider, NpAtobaraiCalls {

    /**
     * What a session call needs from Saleor's request.
     *
     * @param token    Saleor's transaction token (NP's shop transaction id)
     * @param issuedAt the order date
     * @param yen      whether the amount is in JPY (NP takes nothing else)
     */
    public record SessionData(String token, String issuedAt, SaleorSourceObject source, boolean yen, String currencyCode)
        implements ProviderData { }

    /**
     * What a refund's NP calls need from Saleor's request.
     *
     * @param token     Saleor's transaction token (NP's shop transaction id)
     * @param orderDate the transaction's creation (or the request's issue) time
     */
    public record RefundOrder(String token, String orderDate, SaleorSourceObject order) implements ProviderData { }

    @Override
    public Optional<ProviderChannel> channel(String merchantId, String channelSlug) {
        return channels.channel(merchantId, channelSlug);
    }

    @Override
    public ProviderAnswer initialize(ProviderChannel channel, SessionCall call) {
        return inYen(call, () -> {
            NpChannel npChannel = (NpChannel) channel;
            return answer(within(call.deadline()).register(npChannel.credentials(), item(npChannel, call)), call,
                Optional.empty());
        });
    }

    @Override
    public ProviderAnswer process(ProviderChannel channel, SessionCall call) {
        return inYen(call, () -> {
            NpChannel npChannel = (NpChannel) channel;
            if (call.reference().isEmpty()) {
                return answer(new NpOutcome.Refused(0, List.of(), "missing data: no NP transaction id to update"), call,
                    Optional.empty());
            }
            return answer(within(call.deadline()).update(npChannel.credentials(), call.reference().get(),
                item(npChannel, call)), call, call.reference());
        });
    }

    /** NP takes yen only: a session in another currency is answered without calling NP. */
    private static ProviderAnswer inYen(SessionCall call, Supplier<ProviderAnswer> npCall) {
        SessionData session = (SessionData) call.data();
        return session.yen() ? npCall.get() : notYen(session, call);
    }

    @Override
    public Optional<NpAtobaraiChannel> configuredChannel(String merchantId, String channelSlug) {
        return channels.find(merchantId, channelSlug).map(NpAtobaraiChannel.class::cast);
    }

    @Override
    public Call cancel(NpAtobaraiChannel channel, String npTransactionId, AnswerDeadline deadline) {
        NpOutcome cancelled = within(deadline).cancel(((NpChannel) channel).credentials(), npTransactionId);
        return new Call(cancelled instanceof NpOutcome.Accepted, Optional.empty(), describe(cancelled));
    }

    @Override
    public Call update(NpAtobaraiChannel channel, String npTransactionId, long billedAmount, List<GoodsLine> goods,
                       ProviderData order, AnswerDeadline deadline) {
        NpOutcome updated = within(deadline).update(((NpChannel) channel).credentials(), npTransactionId,
            billed((NpChannel) channel, billedAmount, goods, (RefundOrder) order));
        return new Call(approved(updated), Optional.empty(), describe(updated));
    }

    @Override
    public Call register(NpAtobaraiChannel channel, long billedAmount, List<GoodsLine> goods, ProviderData order,
                         AnswerDeadline deadline) {
        NpOutcome registered = within(deadline).register(((NpChannel) channel).credentials(),
            billed((NpChannel) channel, billedAmount, goods, (RefundOrder) order));
        return new Call(approved(registered), registered instanceof NpOutcome.Accepted accepted
            ? Optional.ofNullable(accepted.npTransactionId()) : Optional.empty(), describe(registered));
    }

    @Override
    public Call reportShipment(NpAtobaraiChannel channel, String npTransactionId, String carrierCode,
                               String trackingNumber, AnswerDeadline deadline) {
        NpOutcome shipped = within(deadline).reportShipment(((NpChannel) channel).credentials(), npTransactionId, carrierCode,
            trackingNumber);
        return new Call(shipped instanceof NpOutcome.Accepted, Optional.empty(), describe(shipped));
    }

    /** The client with its calls bounded by what is left of Saleor's wait. */
    private NpAtobaraiClient within(AnswerDeadline deadline) {
        return np.within(deadline.callBound(np.timeout()));
    }

    private static NpTransaction billed(NpChannel channel, long billedAmount, List<GoodsLine> goods, RefundOrder order) {
        return NpOrderTranslation.transaction(order.token(), order.orderDate(), billedAmount, order.order(),
            channel.skuAsName()).withBilling(billedAmount, goods);
    }

    private static boolean approved(NpOutcome outcome) {
        return outcome instanceof NpOutcome.Accepted accepted && accepted.creditCheck() != null
            && accepted.creditCheck().verdict() == CreditCheck.Verdict.APPROVED;
    }

    static String describe(NpOutcome outcome) {
        if (outcome instanceof NpOutcome.Accepted accepted) {
            return accepted.creditCheck() == null ? "accepted" : accepted.creditCheck().message();
        }
        if (outcome instanceof NpOutcome.Refused refused) {
            return refused.message();
        }
        return ((NpOutcome.Unavailable) outcome).description();
    }

    private static NpTransaction item(NpChannel channel, SessionCall call) {
        SessionData session = (SessionData) call.data();
        return NpOrderTranslation.transaction(session.token(), session.issuedAt(), call.amount().minorUnits(),
            session.source(), channel.skuAsName());
    }

    private static ProviderAnswer notYen(SessionData session, SessionCall call) {
        return answer(new NpOutcome.Refused(0, List.of("UnsupportedCurrencyError"),
            "NP Atobarai takes JPY only, not " + session.currencyCode()), call, Optional.empty());
    }

    /** What a register / update outcome means for the payment and for Saleor. */
    private static ProviderAnswer answer(NpOutcome outcome, SessionCall call, Optional<String> knownNpId) {
        if (outcome instanceof NpOutcome.Accepted accepted && accepted.creditCheck() != null) {
            CreditCheck check = accepted.creditCheck();
            Optional<String> npId = Optional.ofNullable(accepted.npTransactionId());
            return switch (check.verdict()) {
                case APPROVED -> settled(OperationResult.SUCCESS, npId, check.message(), call,
                    new SessionReplies.Data(null, null, JSON.createObjectBuilder().add("type", "OTHER")
                        .add("name", "np_atobarai").build(), false));
                case ON_HOLD -> {
                    JsonArrayBuilder errors = JSON.createArrayBuilder();
                    for (String code : check.holdCodes()) {
                        errors.add(JSON.createObjectBuilder().add("code", code).add("message", HoldReason.describe(code)));
                    }
                    yield settled(OperationResult.ACTION_REQUIRED, npId, check.message(), call,
                        SessionReplies.Data.errorsOnly(errors.build()));
                }
                case REFUSED -> settled(OperationResult.FAILURE, npId, check.message(), call,
                    SessionReplies.Data.errorsOnly(JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("code", check.resultCode() == null ? "NpAtobaraiRefused" : "authori_result:" + check.resultCode())
                        .add("message", check.message())
                        .add("apiError", check.refusalCode() == null ? "" : check.refusalCode())).build()));
            };
        }
        if (outcome instanceof NpOutcome.Refused refused) {
            JsonArrayBuilder errors = JSON.createArrayBuilder();
            if (refused.codes().isEmpty()) {
                errors.add(JSON.createObjectBuilder().add("code", "NpAtobaraiApiError").add("message", refused.description())
                    .add("apiError", ""));
            }
            for (String code : refused.codes()) {
                errors.add(JSON.createObjectBuilder().add("code", code).add("message", refused.description())
                    .add("apiError", code));
            }
            return settled(OperationResult.FAILURE, knownNpId, refused.message(), call,
                SessionReplies.Data.errorsOnly(errors.build()));
        }
        if (outcome instanceof NpOutcome.Unavailable unavailable) {
            return settled(OperationResult.FAILURE, knownNpId, unavailable.description(), call,
                SessionReplies.Data.errorsOnly(JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                    .add("code", unavailable.timedOut() ? "TimeoutError" : "NpAtobaraiUnavailable")
                    .add("message", unavailable.description()).add("apiError", "")).build()));
        }
        return settled(OperationResult.FAILURE, knownNpId, "NP Atobarai gave no credit check", call,
            SessionReplies.Data.errorsOnly(JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add("code", "NpAtobaraiApiError").add("message", "NP Atobarai gave no credit check")
                .add("apiError", "")).build()));
    }

    /** NP's answer, kept: its event key names the NP transaction, the result and the amount. */
    private static ProviderAnswer settled(OperationResult result, Optional<String> npId, String message, SessionCall call,
                                          ProviderData data) {
        Optional<String> eventKey = npId.map(id -> "np:" + id + ":CHARGE_" + result.name() + ":" + call.amount().minorUnits());
        return new ProviderAnswer(result, true, npId, message, eventKey, data);
    }
}
