package dev.payhooks.admin.secondfactor;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.VaadinRequest;
import dev.payhooks.admin.CopyButton;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.domain.error.InvalidField;
import dev.payhooks.domain.error.NotFound;

import java.util.function.UnaryOperator;

/**
 * The contract: the Signature Key shows masked, and in clear only after a fresh second-factor
 * code, every time the dialog opens. One accepted code shows the key with a Copy button; a wrong
 * code may be corrected; a refusal or a merchant without a key ends the dialog's offer (the use
 * case answers those before it looks at the code). Used by the Webhooks and the Channels &
 * merchant views.
 */
public final class SignatureKeyRevealDialog extends Dialog {

    static final String MASKED = "whsec_••••••••";

    final Span value = new Span(MASKED);
    final TextField code = new TextField("Authentication code");
    final Button show = new Button("Reveal");
    final Button copy;
    private String revealed;

    /** {@code reveal} answers the key for a code, or throws as {@link SignatureKeyModel#revealSignatureKey} does. */
    SignatureKeyRevealDialog(UnaryOperator<String> reveal) {
        setHeaderTitle("Signature Key");
        setId("signature-key-dialog");
        value.setId("signature-key-value");
        value.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("word-break", "break-all");
        code.setId("reveal-code");
        code.setValueChangeMode(ValueChangeMode.EAGER);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        copy = CopyButton.of("copy-signature-key", () -> revealed, "Signature Key copied.");
        copy.setVisible(false);
        show.setId("reveal-signature-key");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show.addClickShortcut(Key.ENTER);
        show.addClickListener(click -> reveal(reveal));
        add(new Paragraph("Receivers check the signatures of deliveries with this key. Enter a current code from "
            + "your authenticator app to show it."), value, copy, code, show);
        Button close = new Button("Close", click -> close());
        close.setId("signature-key-close");
        getFooter().add(close);
        setWidth("min(36rem, 95vw)");
    }

    public static void open(SignatureKeyModel model) {
        new SignatureKeyRevealDialog(typed -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            return model.revealSignatureKey(typed, request == null ? "" : request.getRemoteAddr());
        }).open();
    }

    private void reveal(UnaryOperator<String> reveal) {
        if (!show.isEnabled()) {
            return;
        }
        code.setInvalid(false);
        try {
            revealed = reveal.apply(code.getValue());
            value.setText(revealed);
            copy.setVisible(true);
            endOffer();
        } catch (InvalidField invalid) {
            code.setErrorMessage(invalid.problem());
            code.setInvalid(true);
        } catch (NotFound none) {
            value.setText("No signature key yet: it is made when a webhook first signs with “Signature Key”, "
                + "or by “Rotate” in Channels & merchant.");
            endOffer();
        } catch (NotAllowed refused) {
            value.setText(refused.getMessage());
            endOffer();
        }
    }

    /** No second code is asked for: the key shows, or the dialog has said why it cannot. */
    private void endOffer() {
        code.clear();
        code.setVisible(false);
        show.setVisible(false);
        show.setEnabled(false);
    }
}
