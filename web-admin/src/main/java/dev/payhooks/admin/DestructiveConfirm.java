package dev.payhooks.admin;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The console's one confirmation of an action that destroys, removes or switches something off:
 * a header asking the question, a text naming what will happen, Cancel and a confirm button
 * styled as an error. Cancel has the focus when the dialog opens (Enter does not destroy by
 * accident); Esc cancels. The use case behind {@code onConfirm} still checks who may run it.
 */
public final class DestructiveConfirm {

    /** Moves the focus to Cancel once the dialog has focused its confirm button (its default). */
    private static final String FOCUS_CANCEL = """
        const dialog = this;
        const focusCancel = () => {
            const cancel = dialog._overlayElement && dialog._overlayElement.querySelector('[slot="cancel-button"]');
            if (cancel) { cancel.focus(); }
        };
        if (dialog._overlayElement) {
            dialog._overlayElement.addEventListener('vaadin-overlay-open', focusCancel);
        }
        if (dialog.opened) { setTimeout(focusCancel); }""";

    private DestructiveConfirm() {
    }

    /** Opens the confirmation with the element id {@code id}; {@code onConfirm} runs only on the confirm button. */
    public static ConfirmDialog open(String id, String header, String text, String confirmText, Runnable onConfirm) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId(id);
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setConfirmText(confirmText);
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        // closed on the server too: opened over a modal dialog, Flow attaches it inside that dialog, and one left
        // open there would come back the next time that dialog opens
        confirm.addCancelListener(cancelled -> confirm.close());
        confirm.addConfirmListener(confirmed -> {
            confirm.close();
            onConfirm.run();
        });
        confirm.open();
        confirm.getElement().executeJs(FOCUS_CANCEL);
        return confirm;
    }
}
