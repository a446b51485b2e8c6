package dev.payhooks.admin.secondfactor;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.textfield.TextField;
import dev.payhooks.domain.error.InvalidField;

import java.util.function.Consumer;

/** The primary button (Enter presses it) that submits a second-factor code and shows a rejected code's problem on its field. */
final class CodeSubmitButton {

    private CodeSubmitButton() {
    }

    /** {@code submit} gets the code typed; an {@link InvalidField} it throws marks {@code code} invalid. */
    static Button of(String label, String id, TextField code, Consumer<String> submit) {
        Button button = new Button(label, click -> {
            try {
                submit.accept(code.getValue());
            } catch (InvalidField problem) {
                code.setErrorMessage(problem.problem());
                code.setInvalid(true);
            }
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.addClickShortcut(Key.ENTER);
        return button;
    }
}
