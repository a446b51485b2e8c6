package dev.payhooks.admin.approvals;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Notices;
import dev.payhooks.application.approvals.ApprovalPolicy;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.error.InvalidField;

import java.util.Optional;

/**
 * The merchant's four-eyes setting on the Channels &amp; merchant page: above how many deliveries
 * a bulk replay waits for a second staff member's approval, or off. Administrators change it.
 */
public final class FourEyesSection extends VerticalLayout {

    private final ApprovalsModel model;
    private final IntegerField threshold = new IntegerField("Bulk replays above (deliveries)");
    private final Paragraph state = new Paragraph();

    public FourEyesSection(ApprovalsModel model) {
        this.model = model;
        setPadding(false);
        setSpacing(false);
        boolean mayAdminister = model.mayAdminister();
        threshold.setId("four-eyes-threshold");
        threshold.setMin(0);
        threshold.setPlaceholder("off");
        threshold.setReadOnly(!mayAdminister);
        state.setId("four-eyes-state");
        Button save = new Button("Save", click -> save(Optional.ofNullable(threshold.getValue())));
        save.setId("four-eyes-save");
        Button off = new Button("Turn off", click -> save(Optional.empty()));
        off.setId("four-eyes-off");
        save.setEnabled(mayAdminister);
        off.setEnabled(mayAdminister);
        HorizontalLayout row = new HorizontalLayout(threshold, save, off);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H3("Four-eyes"), new Paragraph("A bulk replay (Event log “Replay matching…”, a webhook's “Replay dead "
            + "letters since…”, the API's replays) of more deliveries than this waits under Approvals until another staff "
            + "member approves it. Empty: off. Changes are audited."), state, row);
        show(model.bulkReplayThreshold());
    }

    private void save(Optional<Integer> above) {
        threshold.setInvalid(false);
        try {
            model.setBulkReplayThreshold(above);
            show(above);
            Notices.success("Four-eyes for bulk replays: " + ApprovalPolicy.describe(above) + ".");
        } catch (InvalidField wrong) {
            threshold.setErrorMessage(wrong.problem());
            threshold.setInvalid(true);
        } catch (NotAllowed | DomainException refused) {
            Notices.problem(refused.getMessage());
        }
    }

    private void show(Optional<Integer> above) {
        threshold.setValue(above.orElse(null));
        state.setText("Now: " + ApprovalPolicy.describe(above) + ".");
    }
}
