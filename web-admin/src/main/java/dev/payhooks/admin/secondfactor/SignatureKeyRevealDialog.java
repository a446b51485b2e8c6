package dev.payhooks.admin.secondfactor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.VaadinRequest;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;

/**
 * The contract: the Signature Key shows masked, and in clear only after a fresh second-factor
 * code, every time. Used by the Webhooks and the Channels & merchant views.
 */
public final class SignatureKeyRevealDialog {

    private SignatureKeyRevealDialog() {
    }

    public static void open(SignatureKeyModel model) {
        Dialog reveal = new Dialog();
        reveal.setHeaderTitle("Signature Key");
        reveal.setId("signature-key-dialog");
        Span value = new Span("whsec_••••••••");
        value.setId("signature-key-value");
        value.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("word-break", "break-all");
        TextField code = new TextField("Authentication code");
        code.setId("reveal-code");
        code.setValueChangeMode(ValueChangeMode.EAGER);
        Button show = new Button("Reveal", click -> {
            try {
                value.setText(model.revealSignatureKey(code.getValue(), VaadinRequest.getCurrent().getRemoteAddr()));
                code.setVisible(false);
                click.getSource().setVisible(false);
            } catch (InvalidField invalid) {
                code.setErrorMessage(invalid.problem());
                code.setInvalid(true);
            } catch (NotFound none) {
                value.setText("No signature key yet: it is made when a webhook first signs with “Signature Key”, "
                    + "or by “Rotate” in Channels & merchant.");
            } catch (NotAllowed refused) {
                value.setText(refused.getMessage());
            }
        });
        show.setId("reveal-signature-key");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reveal.add(new Paragraph("Receivers check the signatures of deliveries with this key. Enter a current code from "
            + "your authenticator app to show it."), value, code, show);
        Button close = new Button("Close", click -> reveal.close());
        close.setId("signature-key-close");
        reveal.getFooter().add(close);
        reveal.setWidth("min(36rem, 95vw)");
        reveal.open();
    }
}
