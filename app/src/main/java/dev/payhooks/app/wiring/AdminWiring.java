package dev.payhooks.app.wiring;

import dev.payhooks.application.access.StaffCallers;
import dev.payhooks.application.audit.AuditQueries;
import dev.payhooks.application.dashboard.DashboardQueries;
import dev.payhooks.application.events.EventLogQueries;
import dev.payhooks.application.staff.ManageSecondFactor;
import dev.payhooks.application.staff.SignIn;
import dev.payhooks.application.transactions.TransactionQueries;
import dev.payhooks.application.webhooks.WebhookOverview;
import dev.payhooks.application.webhooks.WebhookQueries;
import dev.payhooks.domain.audit.AuditTrail;
import dev.payhooks.domain.fulfillment.Fulfillments;
import dev.payhooks.domain.inbound.InboundActivity;
import dev.payhooks.domain.inbound.InboundNotifications;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.outbound.AttemptHistory;
import dev.payhooks.domain.outbound.Deliveries;
import dev.payhooks.domain.outbound.EventLog;
import dev.payhooks.domain.outbound.Outbox;
import dev.payhooks.domain.outbound.WebhookSubscriptions;
import dev.payhooks.domain.payment.PaymentTransactions;
import dev.payhooks.domain.reconciliation.Reconciliations;
import dev.payhooks.domain.refund.Refunds;
import dev.payhooks.domain.staff.LoginThrottle;
import dev.payhooks.domain.staff.SecondFactorMarks;
import dev.payhooks.domain.staff.StaffUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The read models the admin console and the management API share, and the console's callers and
 * sign-in. All stateless (final fields only): one instance each. The console's view models are
 * CDI beans of the web-admin module.
 */
@ApplicationScoped
public class AdminWiring {

    @Produces
    @Singleton
    StaffCallers staffCallers(StaffUsers users, Merchants merchants) {
        return new StaffCallers(users, merchants);
    }

    @Produces
    @Singleton
    SignIn signIn(LoginThrottle throttle, ManageSecondFactor secondFactor, SecondFactorMarks marks, Clock clock) {
        return new SignIn(throttle, secondFactor, marks, clock);
    }

    @Produces
    @Singleton
    TransactionQueries transactionQueries(PaymentTransactions transactions, Refunds refunds, Fulfillments fulfillments,
                                          Reconciliations reconciliations, Clock clock) {
        return new TransactionQueries(transactions, refunds, fulfillments, reconciliations, clock);
    }

    @Produces
    @Singleton
    EventLogQueries eventLogQueries(EventLog log, Outbox outbox, Deliveries deliveries, InboundNotifications notifications) {
        return new EventLogQueries(log, outbox, deliveries, notifications);
    }

    @Produces
    @Singleton
    WebhookQueries webhookQueries(WebhookSubscriptions subscriptions, EventLog log, Deliveries deliveries) {
        return new WebhookQueries(subscriptions, log, deliveries);
    }

    @Produces
    @Singleton
    DashboardQueries dashboardQueries(WebhookSubscriptions subscriptions, AttemptHistory attempts, EventLog log,
                                      PaymentTransactions transactions, InboundActivity inbound, Clock clock) {
        return new DashboardQueries(subscriptions, attempts, log, transactions, inbound, clock);
    }

    @Produces
    @Singleton
    WebhookOverview webhookOverview(WebhookSubscriptions subscriptions, AttemptHistory attempts, Clock clock) {
        return new WebhookOverview(subscriptions, attempts, clock);
    }

    @Produces
    @Singleton
    AuditQueries auditQueries(AuditTrail trail) {
        return new AuditQueries(trail);
    }
}
