package dev.payhooks.admin;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.error.InvalidField;

import java.util.Optional;
import java.util.function.Supplier;

/** The console's short messages: a success at the bottom for a few seconds, a problem in the middle a little longer. */
public final class Notices {

    private Notices() {
    }

    public static void success(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void problem(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Runs the action of a one-box form: what it answered, or empty when the domain refused the
     * box's value (the problem then shows next to {@code field}) or refused the caller (a notice).
     */
    public static <T> Optional<T> forField(HasValidation field, Supplier<T> action) {
        field.setInvalid(false);
        try {
            return Optional.of(action.get());
        } catch (InvalidField invalid) {
            field.setErrorMessage(invalid.problem());
            field.setInvalid(true);
        } catch (NotAllowed | DomainException refused) {
            problem(refused.getMessage());
        }
        return Optional.empty();
    }
}
