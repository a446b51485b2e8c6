package dev.payhooks.admin.secondfactor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.VaadinRequest;
import dev.payhooks.admin.login.SignInModel;

/**
 * Asks for a current second-factor code again before a sensitive action (staff management) and
 * then retries it. It only offers the way out: the action itself checks how fresh the code is.
 */
public final class FreshSecondFactorDialog {

    private FreshSecondFactorDialog() {
    }

    public static void open(SignInModel model, String why, Runnable retry) {
        Dialog dialog = new Dialog();
        dialog.setId("fresh-second-factor-dialog");
        dialog.setHeaderTitle("Confirm with your second factor");
        TextField code = new TextField("Authentication code");
        code.setId("fresh-second-factor-code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setValueChangeMode(ValueChangeMode.EAGER);
        Button confirm = CodeSubmitButton.of("Confirm", "fresh-second-factor-confirm", code, typed -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            model.verifySecondFactor(typed, request == null ? "" : request.getRemoteAddr());
            dialog.close();
            retry.run();
        });
        Button cancel = new Button("Cancel", click -> dialog.close());
        cancel.setId("fresh-second-factor-cancel");
        dialog.add(new Paragraph(why + " Enter the code your authenticator app shows, or a recovery code."), code);
        dialog.getFooter().add(cancel, confirm);
        dialog.setWidth("min(30rem, 95vw)");
        dialog.open();
    }
}
