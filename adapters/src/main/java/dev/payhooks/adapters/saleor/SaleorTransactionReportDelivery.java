package dev.payhooks.adapters.saleor;

import dev.payhooks.application.saleor.TransactionReportDelivery;
import dev.payhooks.domain.saleor.TransactionReport;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Optional;

/**
 * {@link TransactionReportDelivery} over Saleor's GraphQL API: the report's installation's app
 * token ({@link SaleorAppTokens}; for a report that names its merchant, an installation of that
 * merchant only) and {@link SaleorApiClient#reportTransactionEvent}, which goes through the SSRF
 * guard and is bounded like every Saleor call. No installation is an answer like no answer.
 */
public record SaleorTransactionReportDelivery(SaleorAppTokens tokens, SaleorApiClient saleor)
    implements TransactionReportDelivery {

    @Override
    public Answer deliver(TransactionReport report) {
        Optional<String> token = report.merchantId().isPresent()
            ? tokens.of(report.merchantId().get(), report.apiUrl(), report.provider())
            : tokens.of(report.apiUrl(), report.provider());
        if (token.isEmpty()) {
            return new Answer.NotDelivered("the app is no longer installed in " + report.apiUrl()
                + (report.merchantId().isPresent() ? " for the report's merchant" : ""));
        }
        return saleor.reportTransactionEvent(URI.create(report.apiUrl()), token.get(), report.saleorTransactionId(),
            report.pspReference(), report.type(), new BigDecimal(report.amount()), report.time(), report.message());
    }
}
