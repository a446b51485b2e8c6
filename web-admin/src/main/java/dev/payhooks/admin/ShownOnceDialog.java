package dev.payhooks.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A dialog showing a value that is not shown again (a new API key, a temporary password) in a
 * read-only field with a Copy button, closed by its one other button. Element ids: {@code id} for
 * the field, {@code id-copy}, {@code id-dialog} and {@code id-close}.
 */
public final class ShownOnceDialog {

    private ShownOnceDialog() {
    }

    public static void open(String id, String title, String label, String value, String closeText, String width) {
        Dialog shown = new Dialog();
        shown.setHeaderTitle(title);
        shown.setId(id + "-dialog");
        TextField field = new TextField(label);
        field.setId(id);
        field.setValue(value);
        field.setReadOnly(true);
        field.setWidthFull();
        Button copy = CopyButton.of(id + "-copy", () -> value, "Copied.");
        HorizontalLayout row = new HorizontalLayout(field, copy);
        row.setWidthFull();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.expand(field);
        Button close = new Button(closeText, click -> shown.close());
        close.setId(id + "-close");
        shown.add(row);
        shown.getFooter().add(close);
        shown.setWidth(width);
        shown.open();
    }
}
