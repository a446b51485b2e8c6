package dev.payhooks.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import java.util.function.Supplier;

/** A "Copy" button that puts a value on the browser's clipboard and says so. */
public final class CopyButton {

    private CopyButton() {
    }

    /** Copies what {@code value} gives at the click; {@code copied} is the confirmation shown. */
    public static Button of(String id, Supplier<String> value, String copied) {
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), click -> {
            click.getSource().getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", value.get());
            Notification.show(copied, 4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        copy.setId(id);
        return copy;
    }
}
