package dev.payhooks.admin.webhooks;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.payhooks.admin.Option;
import dev.payhooks.admin.webhooks.WebhookDraft.AuthenticationChoice;
import dev.payhooks.admin.webhooks.WebhookDraft.SignatureChoice;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Add Webhook and Edit Webhook form: Label, Hook URL, Events, Authentication
 * (None / Basic) and Signature (None / Source Key / Signature Key). It checks nothing itself:
 * it fires {@link SaveEvent}, {@link DeleteEvent} or {@link CloseEvent}, and shows the
 * domain's field problems handed back through {@link #showProblem}.
 *
 * <p>When editing, the stored authentication stays as it is until "Reset Webhook Authentication"
 * is pressed; "Keep Current Configuration" undoes that before saving.
 */
public class WebhookForm extends VerticalLayout {

    static final String RESET_AUTHENTICATION = "Reset Webhook Authentication";
    static final String KEEP_AUTHENTICATION = "Keep Current Configuration";

    final TextField label = new TextField("Label");
    final TextField url = new TextField("Hook URL");
    final MultiSelectComboBox<String> events = new MultiSelectComboBox<>("Events");
    /** One button per event family that adds all its types to the selection. */
    final HorizontalLayout familyButtons = new HorizontalLayout();
    final RadioButtonGroup<AuthenticationChoice> authentication = new RadioButtonGroup<>("Authentication");
    final TextField username = new TextField("Username");
    final PasswordField password = new PasswordField("Password");
    final Button resetAuthentication = new Button(RESET_AUTHENTICATION);
    final Span storedPassword = new Span("The password is stored encrypted and not shown.");
    final RadioButtonGroup<SignatureChoice> signature = new RadioButtonGroup<>("Signature");
    final Select<String> sourceKey = new Select<>();
    final Div formProblem = new Div();

    final Button save = new Button();
    final Button close = new Button("Close");
    final Button delete = new Button("Delete Hook");

    private final Map<String, String> sourceKeyCaptions = new java.util.LinkedHashMap<>();
    private String editingId;
    private boolean resetting;
    private boolean readOnly;
    private WebhookDraft initial;

    public WebhookForm(List<Option> eventTypes, List<Option> sourceKeys) {
        addClassName("webhook-form");
        setPadding(false);
        label.setId("webhook-label");
        label.setWidthFull();
        url.setId("webhook-url");
        url.setPlaceholder("https://example.com/webhooks/payhooks");
        url.setWidthFull();
        events.setId("webhook-events");
        events.setItems(eventTypes.stream().map(Option::value).toList());
        events.setWidthFull();
        events.setPlaceholder("Choose one or more");
        familyButtons.setId("webhook-event-families");
        familyButtons.setSpacing(false);
        familyButtons.getStyle().set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)");
        familyButtons.add(new com.vaadin.flow.component.html.Span("Add all:"));
        EventFamilies.group(eventTypes.stream().map(Option::value).toList()).forEach((family, types) -> {
            Button all = new Button(family + " (" + types.size() + ")", click -> {
                java.util.Set<String> chosen = new LinkedHashSet<>(events.getValue());
                chosen.addAll(types);
                events.setValue(chosen);
            });
            all.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            all.addClassName("webhook-event-family");
            all.getElement().setAttribute("aria-label", "Add every " + family.toLowerCase(java.util.Locale.ROOT) + " event");
            familyButtons.add(all);
        });

        authentication.setId("webhook-authentication");
        authentication.setItems(AuthenticationChoice.values());
        authentication.setItemLabelGenerator(choice -> choice == AuthenticationChoice.BASIC ? "Basic" : "None");
        authentication.addValueChangeListener(change -> showAuthenticationFields());
        username.setId("webhook-username");
        password.setId("webhook-password");
        resetAuthentication.setId("webhook-reset-authentication");
        resetAuthentication.addThemeVariants(ButtonVariant.LUMO_SMALL);
        resetAuthentication.addClickListener(click -> toggleReset());
        storedPassword.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");

        signature.setId("webhook-signature");
        signature.setItems(SignatureChoice.values());
        signature.setItemLabelGenerator(SignatureChoice::label);
        signature.addValueChangeListener(change -> sourceKey.setVisible(change.getValue() == SignatureChoice.SOURCE_KEY));
        sourceKey.setId("webhook-source-key");
        sourceKey.setLabel("Source key");
        sourceKeys.forEach(o -> sourceKeyCaptions.put(o.value(), o.caption()));
        sourceKey.setItems(sourceKeyCaptions.keySet());
        sourceKey.setItemLabelGenerator(id -> sourceKeyCaptions.getOrDefault(id, id));
        sourceKey.setEmptySelectionAllowed(false);

        formProblem.setId("webhook-form-problem");
        formProblem.getStyle().set("color", "var(--lumo-error-text-color)");
        formProblem.setVisible(false);

        save.setId("webhook-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> fireEvent(new SaveEvent(this, draft(), resetting || editingId == null)));
        // Enter in a text field saves (not in the events box, where Enter picks an event)
        save.addClickShortcut(Key.ENTER).listenOn(label, url, username, password).resetFocusOnActiveElement();
        close.setId("webhook-close");
        close.addClickListener(click -> requestClose());
        delete.setId("webhook-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(click -> fireEvent(new DeleteEvent(this)));

        FormLayout fields = new FormLayout(label, url, events, familyButtons);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        HorizontalLayout credentials = new HorizontalLayout(username, password);
        VerticalLayout authenticationBox = new VerticalLayout(authentication, credentials, storedPassword, resetAuthentication);
        authenticationBox.setPadding(false);
        authenticationBox.setSpacing(false);
        VerticalLayout signatureBox = new VerticalLayout(signature, sourceKey);
        signatureBox.setPadding(false);
        signatureBox.setSpacing(false);
        HorizontalLayout buttons = new HorizontalLayout(save, close, delete);
        buttons.expand(close);
        add(formProblem, fields, authenticationBox, signatureBox, buttons);
        editNew();
    }

    /** An empty form for "Add Webhook". */
    public void editNew() {
        editingId = null;
        resetting = true;
        save.setText("Add Hook");
        delete.setVisible(false);
        resetAuthentication.setVisible(false);
        fill(new WebhookDraft("", "", Set.of(), AuthenticationChoice.NONE, "", "", SignatureChoice.NONE, null));
    }

    /** The stored webhook for "Edit"; its authentication is locked until reset. */
    public void edit(WebhookSummary webhook) {
        editingId = webhook.id();
        resetting = false;
        save.setText("Save Changes");
        delete.setVisible(true);
        resetAuthentication.setVisible(true);
        fill(webhook.asDraft());
    }

    private void fill(WebhookDraft draft) {
        clearProblems();
        label.setValue(draft.label() == null ? "" : draft.label());
        url.setValue(draft.url() == null ? "" : draft.url());
        events.setValue(new LinkedHashSet<>(draft.events()));
        authentication.setValue(draft.authentication());
        username.setValue(draft.username() == null ? "" : draft.username());
        password.setValue("");
        signature.setValue(draft.signature());
        sourceKey.setValue(draft.sourceKeyId());
        sourceKey.setVisible(draft.signature() == SignatureChoice.SOURCE_KEY);
        initial = draft();
        showAuthenticationFields();
    }

    private void toggleReset() {
        resetting = !resetting;
        if (!resetting) {
            // "Keep Current Configuration": back to what is stored
            authentication.setValue(initial.authentication());
            username.setValue(initial.username() == null ? "" : initial.username());
            password.setValue("");
        }
        showAuthenticationFields();
    }

    private void showAuthenticationFields() {
        boolean editable = !readOnly && (editingId == null || resetting);
        boolean basic = authentication.getValue() == AuthenticationChoice.BASIC;
        authentication.setReadOnly(!editable);
        username.setReadOnly(!editable);
        username.setVisible(basic);
        password.setVisible(basic && editable);
        storedPassword.setVisible(basic && !editable);
        resetAuthentication.setText(resetting ? KEEP_AUTHENTICATION : RESET_AUTHENTICATION);
        resetAuthentication.setVisible(!readOnly && editingId != null);
    }

    /**
     * Read-only: every field locked and no action but Close (a viewer looks at a webhook). The
     * use case refuses a viewer's change anyway; the form does not offer it.
     */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        label.setReadOnly(readOnly);
        url.setReadOnly(readOnly);
        events.setReadOnly(readOnly);
        familyButtons.setVisible(!readOnly);
        signature.setReadOnly(readOnly);
        sourceKey.setReadOnly(readOnly);
        save.setVisible(!readOnly);
        delete.setVisible(!readOnly && editingId != null);
        showAuthenticationFields();
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** What the form holds now. */
    public WebhookDraft draft() {
        return new WebhookDraft(label.getValue(), url.getValue(), events.getValue(), authentication.getValue(),
            username.getValue(), password.getValue(), signature.getValue(),
            signature.getValue() == SignatureChoice.SOURCE_KEY ? sourceKey.getValue() : null);
    }

    public String editingId() {
        return editingId;
    }

    public boolean resettingAuthentication() {
        return editingId != null && resetting;
    }

    /** Whether Close would lose something: any field changed, or the authentication was reset. */
    public boolean hasUnsavedChanges() {
        return !Objects.equals(initial, draft()) || resettingAuthentication();
    }

    public void requestClose() {
        fireEvent(new CloseEvent(this, hasUnsavedChanges()));
    }

    /**
     * Shows a domain problem next to its field ({@code url}, {@code events}, {@code authentication.password} …);
     * a problem of no field on the form shows above the fields.
     */
    public void showProblem(String field, String problem) {
        HasValidation target = switch (field) {
            case "label" -> label;
            case "url" -> url;
            case "events" -> events;
            case "authentication", "authentication.type" -> authentication;
            case "authentication.username" -> username;
            case "authentication.password" -> password;
            case "signature", "signature.type" -> signature;
            case "signature.apiKeyId" -> sourceKey;
            default -> null;
        };
        if (target == null) {
            formProblem.setText(problem);
            formProblem.setVisible(true);
            return;
        }
        target.setErrorMessage(capitalized(problem));
        target.setInvalid(true);
    }

    public void clearProblems() {
        for (HasValidation field : List.<HasValidation>of(label, url, events, authentication, username, password, signature, sourceKey)) {
            field.setInvalid(false);
            field.setErrorMessage("");
        }
        formProblem.setVisible(false);
        formProblem.setText("");
    }

    private static String capitalized(String problem) {
        return problem == null || problem.isEmpty() ? "" : Character.toUpperCase(problem.charAt(0)) + problem.substring(1);
    }

    public abstract static class WebhookFormEvent extends ComponentEvent<WebhookForm> {
        WebhookFormEvent(WebhookForm source) {
            super(source, false);
        }
    }

    /** "Add Hook" or "Save Changes"; {@code resetAuthentication} is always true for a new webhook. */
    public static class SaveEvent extends WebhookFormEvent {
        private final WebhookDraft draft;
        private final boolean resetAuthentication;

        SaveEvent(WebhookForm source, WebhookDraft draft, boolean resetAuthentication) {
            super(source);
            this.draft = draft;
            this.resetAuthentication = resetAuthentication;
        }

        public WebhookDraft draft() {
            return draft;
        }

        public boolean resetAuthentication() {
            return resetAuthentication;
        }
    }

    public static class DeleteEvent extends WebhookFormEvent {
        DeleteEvent(WebhookForm source) {
            super(source);
        }
    }

    /** "Close"; with unsaved changes the view asks whether to abandon them. */
    public static class CloseEvent extends WebhookFormEvent {
        private final boolean unsavedChanges;

        CloseEvent(WebhookForm source, boolean unsavedChanges) {
            super(source);
            this.unsavedChanges = unsavedChanges;
        }

        public boolean unsavedChanges() {
            return unsavedChanges;
        }
    }

    public <T extends ComponentEvent<?>> Registration addListener(Class<T> type, ComponentEventListener<T> listener) {
        return getEventBus().addListener(type, listener);
    }
}
