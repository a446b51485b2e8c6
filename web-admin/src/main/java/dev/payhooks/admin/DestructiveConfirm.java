package dev.payhooks.admin;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** A cancelable confirmation of an action that destroys something, its confirm button styled as an error. */
public final class DestructiveConfirm {

    private DestructiveConfirm() {
    }

    public static void open(String header, String text, String confirmText, Runnable onConfirm) {
        ConfirmDialog confirm = new ConfirmDialog(header, text, confirmText, ok -> onConfirm.run());
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
