package dev.payhooks.application.saleor;

/**
 * How an answer is written for Saleor: the adapter's, since the reply is Saleor's protocol.
 * The handler stores the written reply with the outcome, so a repeated delivery gets it back
 * unchanged.
 */
@FunctionalInterface
public interface ReplyFormat<A> {

    String render(A answer);
}
