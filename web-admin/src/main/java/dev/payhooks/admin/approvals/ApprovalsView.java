package dev.payhooks.admin.approvals;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Notices;
import dev.payhooks.admin.layout.MainLayout;
import dev.payhooks.admin.secondfactor.SecondFactorGate;
import dev.payhooks.application.approvals.ApprovalPolicy;
import dev.payhooks.domain.error.DomainException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Four-eyes: the merchant's bulk replays held for a second staff member's approval, newest first,
 * each with who asked, when, what, the count then and now. Another member who may change the
 * configuration approves (the replay runs then) or rejects, after a confirmation; the requester
 * sees their own request without the buttons. Behind the second factor, like the event log.
 */
@Route(value = "approvals", layout = MainLayout.class)
@PageTitle("Approvals · Payhooks")
@PermitAll
public class ApprovalsView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final ApprovalsModel model;
    private final Grid<ApprovalRow> grid = new Grid<>(ApprovalRow.class, false);
    private final Paragraph policy = new Paragraph();

    @Inject
    public ApprovalsView(ApprovalsModel model) {
        this.model = model;
        addClassName("approvals-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SecondFactorGate.require(event, model.caller(), "approvals");
        if (!SecondFactorGate.verified(model.caller())) {
            return;
        }
        if (getComponentCount() == 0) {
            build();
        }
        refresh();
    }

    private void build() {
        policy.setId("four-eyes-policy");
        grid.setId("approvals-grid");
        // summaries and decisions are sentences: wrapped, not cut
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> TIME.format(r.requestedAt())).setHeader("Asked (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ApprovalRow::requestedBy).setHeader("By").setFlexGrow(1);
        grid.addColumn(ApprovalRow::summary).setHeader("What").setFlexGrow(3).setTooltipGenerator(ApprovalRow::summary);
        grid.addColumn(r -> "PENDING".equals(r.status()) ? r.deliveries() + " (now " + r.deliveriesNow() + ")"
            : String.valueOf(r.deliveries())).setHeader("Deliveries").setAutoWidth(true);
        grid.addColumn(ApprovalsView::state).setHeader("Status").setFlexGrow(2).setTooltipGenerator(ApprovalsView::state);
        grid.addComponentColumn(this::buttons).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No approval requests. With four-eyes on, a bulk replay above the threshold waits here.");
        add(new H2("Approvals"), policy, new Paragraph("A bulk replay of more deliveries than your merchant's threshold waits "
            + "here for a second staff member: anyone else who may change the configuration approves it (it runs then, "
            + "with the filter it was asked with) or rejects it, within 24 hours. Both names go to the audit trail."), grid);
    }

    private void refresh() {
        policy.setText("Four-eyes for bulk replays: " + ApprovalPolicy.describe(model.bulkReplayThreshold())
            + " (administrators set it on Channels & merchant).");
        grid.setItems(model.requests());
    }

    private static String state(ApprovalRow r) {
        return switch (r.status()) {
            case "PENDING" -> "pending until " + TIME.format(r.expiresAt());
            case "APPROVED" -> "approved by " + r.decidedBy() + " " + TIME.format(r.decidedAt()) + ": " + r.result();
            case "REJECTED" -> "rejected by " + r.decidedBy() + " " + TIME.format(r.decidedAt());
            default -> "expired " + TIME.format(r.expiresAt());
        };
    }

    private HorizontalLayout buttons(ApprovalRow r) {
        Button approve = new Button("Approve", click -> confirm(r, true));
        approve.addClassName("approve-request");
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button("Reject", click -> confirm(r, false));
        reject.addClassName("reject-request");
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        approve.setEnabled(r.decidable());
        reject.setEnabled(r.decidable());
        if (!r.decidable()) {
            approve.getElement().setAttribute("title", "Another staff member who may change the configuration decides");
        }
        HorizontalLayout row = new HorizontalLayout(approve, reject);
        row.setVisible("PENDING".equals(r.status()));
        return row;
    }

    private void confirm(ApprovalRow r, boolean approve) {
        ConfirmDialog confirm = new ConfirmDialog(approve ? "Approve this replay?" : "Reject this replay?",
            r.summary() + ", asked by " + r.requestedBy() + ". " + (approve
                ? "It runs now: " + r.deliveriesNow() + " deliveries match at the moment."
                : "Nothing is replayed; " + r.requestedBy() + " may ask again."),
            approve ? "Approve and replay" : "Reject", ok -> {
                try {
                    if (approve) {
                        model.approve(r.id());
                        Notices.success("Approved: the replay runs.");
                    } else {
                        model.reject(r.id());
                        Notices.success("Rejected.");
                    }
                } catch (NotAllowed | DomainException refused) {
                    Notices.problem(refused.getMessage());
                }
                refresh();
            });
        confirm.setCancelable(true);
        confirm.setId(approve ? "confirm-approve" : "confirm-reject");
        confirm.open();
    }
}
