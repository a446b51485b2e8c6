package dev.payhooks.adapters.saleor;

import dev.payhooks.application.saleor.ProviderData;
import dev.payhooks.application.saleor.ReplyFormat;
import dev.payhooks.application.saleor.SessionAnswer;
import dev.payhooks.domain.payment.Operation;
import dev.payhooks.domain.payment.OperationResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;

import static dev.payhooks.adapters.api.Jsonp.JSON;

/**
 * A payment session's answer in Saleor's response schema: {@code pspReference, result, amount,
 * time, message, actions, data, paymentMethodDetails}, the result being
 * {@code AUTHORIZATION_<result>} or {@code CHARGE_<result>}.
 */
public final class SessionReplies implements ReplyFormat<SessionAnswer> {

    /** Saleor's bound on a result message. */
    static final int MAX_MESSAGE = 512;

    /**
     * The provider's part of a reply.
     *
     * @param response             fields of {@code data} with the provider's answer (may be null)
     * @param errors               {@code data.errors} (may be null)
     * @param paymentMethodDetails how the shopper paid (may be null)
     * @param dataAlways           whether {@code data} is written even when empty
     */
    public record Data(JsonObject response, JsonArray errors, JsonObject paymentMethodDetails, boolean dataAlways)
        implements ProviderData {

        public static Data errorsOnly(JsonArray errors) {
            return new Data(null, errors, null, false);
        }
    }

    private final String providerName;

    /** @param providerName how a refusal names the provider ("Adyen answered …") */
    public SessionReplies(String providerName) {
        this.providerName = providerName;
    }

    @Override
    public String render(SessionAnswer answer) {
        Data data = answer.data() instanceof Data own ? own : new Data(null, null, null, false);
        String result = resultName(answer.operation(), answer.result());
        boolean refused = answer.refusedByPayment().isPresent();
        JsonObjectBuilder json = JSON.createObjectBuilder();
        answer.reference().ifPresent(reference -> json.add("pspReference", reference));
        json.add("result", refused ? resultName(answer.operation(), OperationResult.FAILURE) : result)
            .add("amount", new BigDecimal(answer.amount().toMajorString()))
            .add("time", answer.time().toString())
            .add("message", cut(refused ? providerName + " answered " + result + " but the payment cannot take it: "
                + answer.refusedByPayment().get() : answer.message(), MAX_MESSAGE));
        JsonArrayBuilder actions = JSON.createArrayBuilder();
        answer.actions().forEach(action -> actions.add(action.name()));
        json.add("actions", actions);
        JsonArray errors = refused ? null : data.errors();
        if (data.dataAlways() || errors != null) {
            JsonObjectBuilder fields = JSON.createObjectBuilder();
            if (data.response() != null) {
                data.response().forEach(fields::add);
            }
            if (errors != null) {
                fields.add("errors", errors);
            }
            json.add("data", fields);
        }
        if (!refused && data.paymentMethodDetails() != null) {
            json.add("paymentMethodDetails", data.paymentMethodDetails());
        }
        return json.build().toString();
    }

    /** Saleor's name of a session result: {@code AUTHORIZATION_SUCCESS}, {@code CHARGE_FAILURE}… */
    public static String resultName(Operation operation, OperationResult result) {
        return (operation == Operation.AUTHORIZE ? "AUTHORIZATION_" : operation.name() + "_") + result.name();
    }

    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
