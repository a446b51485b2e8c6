package dev.payhooks.admin.channels;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

import dev.payhooks.admin.Busy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider's settings of one channel, one field per entry of the provider's
 * {@code ProviderSettingsSchema} (so a field added to the schema shows up here without code).
 * Secret fields are write-only: they start empty, show the mask of the stored value as a hint,
 * and a field left empty keeps the stored secret. The form decides nothing: it fires
 * {@link SaveEvent} with every value as typed, or {@link RemoveEvent}, and shows the domain's
 * field problems next to the field ({@link #showProblem}).
 */
public class ProviderSettingsForm extends VerticalLayout {

    final Map<String, AbstractField<?, ?>> fields = new LinkedHashMap<>();
    final Button save = new Button("Save");
    final Button remove = new Button("Remove provider");
    final Button testCredentials = new Button("Test credentials");
    final Span credentialsResult = new Span();
    private final ProviderConfiguration configuration;

    public ProviderSettingsForm(ProviderConfiguration configuration, boolean mayChange) {
        this.configuration = configuration;
        addClassName("provider-settings-form");
        setPadding(false);
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        for (ProviderConfiguration.Setting setting : configuration.settings()) {
            AbstractField<?, ?> field = field(setting);
            field.setId("setting-" + setting.name());
            field.setReadOnly(!mayChange);
            fields.put(setting.name(), field);
            layout.add("SECRET_LIST".equals(setting.kind()) ? withStoredList(field, setting) : (Component) field);
        }
        save.setId("save-provider-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(mayChange);
        save.addClickListener(click -> {
            fields.values().forEach(f -> {
                if (f instanceof HasValidation validated) {
                    validated.setInvalid(false);
                }
            });
            fireEvent(new SaveEvent(this, values()));
        });
        remove.setId("remove-provider");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setEnabled(mayChange);
        remove.setVisible(configuration.configured());
        remove.addClickListener(click -> fireEvent(new RemoveEvent(this)));
        testCredentials.setId("test-credentials");
        testCredentials.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        testCredentials.setEnabled(mayChange);
        testCredentials.setVisible(false);
        Busy.on(testCredentials, "Testing…", () -> {
            credentialsResult.setText("");
            fireEvent(new TestCredentialsEvent(this, values()));
        });
        credentialsResult.setId("credentials-result");
        HorizontalLayout buttons = new HorizontalLayout(save, testCredentials, remove, credentialsResult);
        buttons.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        add(layout, buttons);
        if (!mayChange) {
            add(new Span("Your role lets you look, not change."));
        }
    }

    private static AbstractField<?, ?> field(ProviderConfiguration.Setting setting) {
        String label = SettingLabels.of(setting.name()) + (setting.required() ? " *" : "");
        return switch (setting.kind()) {
            case "FLAG" -> {
                Checkbox box = new Checkbox(label);
                box.setValue(Boolean.parseBoolean(setting.value()));
                yield box;
            }
            case "CHOICE" -> {
                Select<String> select = new Select<>();
                select.setLabel(label);
                select.setItems(setting.choices());
                select.setValue(setting.choices().contains(setting.value()) ? setting.value() : setting.choices().get(0));
                yield select;
            }
            case "SECRET" -> {
                PasswordField secret = new PasswordField(label);
                secret.setRevealButtonVisible(false);
                secret.setPlaceholder(setting.stored() ? "stored " + setting.value() + " — leave empty to keep" : "not set");
                secret.setHelperText("Write-only: the stored value is never shown.");
                yield secret;
            }
            case "SECRET_LIST" -> {
                TextArea list = new TextArea(label);
                list.setPlaceholder(setting.stored() ? "new list, one per line — leave empty to keep the stored one" : "one per line");
                list.setHelperText("Write-only, one value per line (current key first). A new list replaces the stored one; "
                    + "the stored values are never shown, only their last four characters.");
                // typed values show as discs; once the browser has drawn the field only its text box keeps them,
                // so the label, the helper and a problem read as text (without that step all of it stays masked)
                list.getStyle().set("-webkit-text-security", "disc");
                list.addAttachListener(attach -> list.getElement().executeJs(MASK_ONLY_THE_TEXT_BOX));
                yield list;
            }
            default -> {
                TextField text = new TextField(label);
                text.setValue(setting.value());
                yield text;
            }
        };
    }

    private static final String MASK_ONLY_THE_TEXT_BOX = """
        const field = this;
        Promise.resolve(field.updateComplete).then(() => {
          const box = field.querySelector('textarea');
          if (box) {
            box.style.setProperty('-webkit-text-security', 'disc');
            field.style.setProperty('-webkit-text-security', 'none');
          }
        });""";

    /**
     * A secret list with what may be shown of its stored values beside it: each value's mask (the
     * last four characters, as {@code SealedSecret.mask} makes it) with its place in the list, as
     * plain text, so staff can tell which keys are stored without the values leaving the server.
     */
    private static Component withStoredList(AbstractField<?, ?> field, ProviderConfiguration.Setting setting) {
        Span stored = new Span(storedListText(setting));
        stored.setId("setting-" + setting.name() + "-stored");
        stored.addClassName("stored-secret-list");
        stored.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Div box = new Div((Component) field, stored);
        box.getStyle().set("display", "flex").set("flex-direction", "column");
        ((Component) field).getElement().getStyle().set("width", "100%");
        return box;
    }

    /** "Stored: ••••EB0C (current), ••••EB0D (previous)"; "Nothing stored yet." before the first save. */
    static String storedListText(ProviderConfiguration.Setting setting) {
        if (!setting.stored() || setting.value().isBlank()) {
            return "Nothing stored yet.";
        }
        String[] masks = setting.value().split(",\\s*");
        StringBuilder text = new StringBuilder("Stored: ");
        for (int i = 0; i < masks.length; i++) {
            text.append(i == 0 ? "" : ", ").append(masks[i].strip())
                .append(i == 0 ? " (current)" : i == 1 ? " (previous)" : " (older)");
        }
        return text.toString();
    }

    /** Every field as typed: flags as "true"/"false", secret lists one value per line, empty secrets empty. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            Object value = field.getValue();
            values.put(name, value == null ? "" : String.valueOf(value));
        });
        return values;
    }

    /** Puts the domain's problem next to the field it names; false if no field can show it (the view shows it elsewhere). */
    public boolean showProblem(String fieldName, String problem) {
        AbstractField<?, ?> field = fields.get(fieldName);
        if (!(field instanceof HasValidation validated)) {
            return false;
        }
        validated.setErrorMessage(problem);
        validated.setInvalid(true);
        return true;
    }

    /** Offers "Test credentials" (for providers that can check them). */
    public void offerCredentialsTest() {
        testCredentials.setVisible(true);
    }

    /** Shows the provider's answer next to the buttons. */
    public void showCredentialsResult(boolean accepted, String message) {
        credentialsResult.setText(message);
        credentialsResult.getElement().getThemeList().clear();
        credentialsResult.getElement().getThemeList().add(accepted ? "badge success" : "badge error");
    }

    public ProviderConfiguration configuration() {
        return configuration;
    }

    public abstract static class ProviderSettingsFormEvent extends ComponentEvent<ProviderSettingsForm> {
        ProviderSettingsFormEvent(ProviderSettingsForm source) {
            super(source, false);
        }
    }

    /** An event carrying the values the form holds when it is fired. */
    public abstract static class ValuesEvent extends ProviderSettingsFormEvent {
        private final Map<String, String> values;

        ValuesEvent(ProviderSettingsForm source, Map<String, String> values) {
            super(source);
            this.values = Map.copyOf(values);
        }

        public Map<String, String> values() {
            return values;
        }
    }

    public static class SaveEvent extends ValuesEvent {
        SaveEvent(ProviderSettingsForm source, Map<String, String> values) {
            super(source, values);
        }
    }

    public static class TestCredentialsEvent extends ValuesEvent {
        TestCredentialsEvent(ProviderSettingsForm source, Map<String, String> values) {
            super(source, values);
        }
    }

    public static class RemoveEvent extends ProviderSettingsFormEvent {
        RemoveEvent(ProviderSettingsForm source) {
            super(source);
        }
    }

    @Override
    public <T extends ComponentEvent<?>> Registration addListener(Class<T> type, ComponentEventListener<T> listener) {
        return getEventBus().addListener(type, listener);
    }
}
