package dev.payhooks.application.saleor;

import dev.payhooks.domain.saleor.TransactionReport;

/**
 * Sends one {@code transactionEventReport} to the Saleor installation it belongs to, bounded like
 * every Saleor call, outside any database transaction. The Saleor adapter implements it with the
 * installation's app token, through the SSRF guard; a report that names its merchant is sent only
 * to an installation of that merchant.
 */
public interface TransactionReportDelivery {

    Answer deliver(TransactionReport report);

    /** What Saleor made of a report. */
    sealed interface Answer {
        /** Recorded now, or before ({@code alreadyProcessed: true}): done either way. */
        record Taken(boolean alreadyProcessed) implements Answer { }

        /** Saleor answered with {@code errors} (e.g. INCORRECT_DETAILS): the same report will never be taken. */
        record Refused(String reason) implements Answer { }

        /** No usable answer (timeout, unreachable, HTTP error, no data, no installation): worth trying again later. */
        record NotDelivered(String reason) implements Answer { }
    }
}
