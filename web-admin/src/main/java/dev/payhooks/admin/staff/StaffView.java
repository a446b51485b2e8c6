package dev.payhooks.admin.staff;

import dev.payhooks.admin.Notices;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.payhooks.admin.ShownOnceDialog;
import dev.payhooks.admin.DestructiveConfirm;
import dev.payhooks.admin.login.SignInModel;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.admin.Option;
import dev.payhooks.admin.layout.MainLayout;
import dev.payhooks.admin.secondfactor.FreshSecondFactorDialog;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.staff.StaffActionRefused;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Staff users, for administrators: add one with a role (a generated password, shown once),
 * change a role, disable or enable, and reset (a new password and no second factor). Others see
 * why they cannot. The {@code ManageStaff} use case decides; when it asks for a fresh second
 * factor, the view asks for a code and retries.
 */
@Route(value = "staff", layout = MainLayout.class)
@PageTitle("Staff · Payhooks")
@PermitAll
public class StaffView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final StaffModel model;
    private final SignInModel signIn;
    private final Grid<StaffRow> grid = new Grid<>(StaffRow.class, false);

    @Inject
    public StaffView(StaffModel model, SignInModel signIn) {
        this.model = model;
        this.signIn = signIn;
        addClassName("staff-view");
        add(new H2("Staff"));
        if (!model.mayManageStaff()) {
            add(new Paragraph("Only administrators manage staff users."));
            return;
        }
        TextField username = new TextField("Username");
        username.setId("staff-username");
        Select<Option> role = new Select<>();
        role.setId("staff-role");
        role.setLabel("Role");
        role.setItems(model.staffRoles());
        role.setItemLabelGenerator(Option::caption);
        role.setValue(model.staffRoles().get(model.staffRoles().size() - 1));
        List<Option> memberships = model.memberships();
        Select<Option> belongsTo = new Select<>();
        belongsTo.setId("staff-belongs-to");
        belongsTo.setLabel("Belongs to");
        belongsTo.setItems(memberships);
        belongsTo.setItemLabelGenerator(Option::caption);
        belongsTo.setVisible(!memberships.isEmpty());
        if (!memberships.isEmpty()) {
            belongsTo.setValue(memberships.get(0));
        }
        Button add = new Button("Add staff user", VaadinIcon.PLUS.create(), click -> add(username, role, belongsTo));
        add.setId("add-staff");
        add.addClickShortcut(Key.ENTER).listenOn(username).resetFocusOnActiveElement();
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(username, role, belongsTo, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("staff-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(s -> s.username() + (s.you() ? " (you)" : "")).setHeader("Username").setAutoWidth(true);
        grid.addColumn(s -> String.join(", ", s.roles().stream().map(StaffModel::roleName).toList())).setHeader("Role")
            .setAutoWidth(true);
        if (!memberships.isEmpty()) {
            grid.addColumn(StaffRow::belongsTo).setHeader("Belongs to").setAutoWidth(true);
        }
        grid.addColumn(s -> s.enabled() ? "enabled" : "disabled").setHeader("State").setAutoWidth(true);
        grid.addColumn(s -> s.secondFactor() ? "set up" : "not yet").setHeader("Second factor").setAutoWidth(true);
        grid.addColumn(s -> TIME.format(s.createdAt())).setHeader("Since").setAutoWidth(true);
        grid.addComponentColumn(s -> {
            Button toggle = new Button(s.enabled() ? "Disable" : "Enable", click -> toggle(s));
            toggle.getElement().setAttribute("aria-label", (s.enabled() ? "Disable " : "Enable ") + s.username());
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            toggle.setEnabled(!s.you());
            Button changeRole = new Button("Role", click -> chooseRole(s));
            changeRole.getElement().setAttribute("aria-label", "Change role of " + s.username());
            changeRole.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            changeRole.setEnabled(!s.you());
            Button reset = new Button("Reset", click -> confirmReset(s));
            reset.getElement().setAttribute("aria-label", "Reset " + s.username());
            reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            reset.setEnabled(!s.you());
            return new HorizontalLayout(toggle, changeRole, reset);
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new Paragraph("Administrators manage staff; developers change webhooks, secrets and channel settings; viewers "
            + "only look. " + (memberships.isEmpty() ? "Everyone here belongs to this merchant. "
            : "Staff of a merchant act for that merchant alone; operators act for any merchant and manage merchants. ")
            + "A new or reset user gets a generated password to hand over, and sets up a second factor at the "
            + "first visit to a protected section."), form, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(model.staff());
    }

    /**
     * Runs a staff action; when the gate asks for a fresh second factor, asks for a code and runs it
     * again (the gate checks again: the dialog only offers the way out).
     */
    private void gated(Runnable action) {
        try {
            action.run();
        } catch (StaffActionRefused refused) {
            if (refused.reason() == StaffActionRefused.Reason.STALE_SECOND_FACTOR) {
                FreshSecondFactorDialog.open(signIn, refused.getMessage(), () -> gated(action));
            } else {
                Notices.problem(refused.getMessage());
            }
        } catch (NotAllowed | DomainException refused) {
            if (refused instanceof InvalidField) {
                throw refused;
            }
            Notices.problem(refused.getMessage());
        }
    }

    private void add(TextField username, Select<Option> role, Select<Option> belongsTo) {
        username.setInvalid(false);
        belongsTo.setInvalid(false);
        String name = username.getValue();
        String chosen = role.getValue() == null ? null : role.getValue().value();
        String membership = belongsTo.getValue() == null ? "" : belongsTo.getValue().value();
        try {
            gated(() -> {
                TemporaryPassword made = model.addStaff(name, chosen, membership);
                username.clear();
                refresh();
                showPassword(made, "Staff user “" + made.username() + "” added");
            });
        } catch (InvalidField invalid) {
            if ("merchant".equals(invalid.field())) {
                belongsTo.setErrorMessage(invalid.problem());
                belongsTo.setInvalid(true);
            } else {
                username.setErrorMessage(invalid.problem());
                username.setInvalid(true);
            }
        }
    }

    /** Enables at once; disables after a confirmation, since it signs the user out. */
    private void toggle(StaffRow s) {
        Runnable change = () -> gated(() -> {
            model.enableStaff(s.username(), !s.enabled());
            refresh();
        });
        if (!s.enabled()) {
            change.run();
            return;
        }
        DestructiveConfirm.open("confirm-disable-staff", "Disable " + s.username() + "?",
            s.username() + " is signed out at the next step in the console and cannot sign in until you enable them again.",
            "Disable", change);
    }

    private void chooseRole(StaffRow s) {
        Dialog dialog = new Dialog();
        dialog.setId("staff-role-dialog");
        dialog.setHeaderTitle("Role of " + s.username());
        Select<Option> role = new Select<>();
        role.setId("staff-role-choice");
        role.setLabel("Role");
        role.setItems(model.staffRoles());
        role.setItemLabelGenerator(Option::caption);
        model.staffRoles().stream().filter(o -> s.roles().contains(o.value())).findFirst().ifPresent(role::setValue);
        Button save = new Button("Save", click -> {
            dialog.close();
            gated(() -> {
                model.changeStaffRole(s.username(), role.getValue() == null ? null : role.getValue().value());
                refresh();
            });
        });
        save.setId("staff-role-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(role);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void confirmReset(StaffRow s) {
        DestructiveConfirm.open("confirm-reset-staff", "Reset " + s.username() + "?",
            "The current password and second factor stop working; you get a new password to hand over.", "Reset", () -> gated(() -> {
                TemporaryPassword made = model.resetStaff(s.username());
                refresh();
                showPassword(made, "“" + made.username() + "” reset");
            }));
    }

    private static void showPassword(TemporaryPassword made, String title) {
        ShownOnceDialog.open("temporary-password", title, "Password — hand it over now: it is not shown again",
            made.password(), "Done", "min(36rem, 95vw)");
    }

}
