package dev.payhooks.admin.secondfactor;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import dev.payhooks.admin.login.SignInModel;
import dev.payhooks.admin.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The second factor: set it up (QR code, key, first code, recovery codes shown once), or
 * verify it for this session. Webhooks and the event log send users here first.
 */
@Route(value = SecondFactorView.ROUTE, layout = MainLayout.class)
@PageTitle("Two-factor authentication · Payhooks")
@PermitAll
public class SecondFactorView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "second-factor";
    static final String CONTINUE = "continue";

    private final SignInModel model;
    private String continueTo = "";

    @Inject
    public SecondFactorView(SignInModel model) {
        this.model = model;
        addClassName("second-factor-view");
        setMaxWidth("40rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        continueTo = event.getLocation().getQueryParameters().getSingleParameter(CONTINUE)
            .filter(SecondFactorGate.SECTIONS::contains).orElse("");
        removeAll();
        if (model.secondFactorEnabled()) {
            showVerification();
        } else {
            showEnrolment();
        }
    }

    private void showVerification() {
        TextField code = codeField("Authentication code");
        Button verify = CodeSubmitButton.of("Verify", "verify-second-factor", code, typed -> {
            model.verifySecondFactor(typed, clientAddress());
            proceed();
        });
        add(new H2("Two-factor verification"),
            new Paragraph("This section needs your second factor. Enter the 6-digit code your authenticator app shows "
                + "for Payhooks, or one of your recovery codes."),
            code, verify);
        if (SecondFactorGate.verified(model.caller())) {
            add(new Paragraph("You have already verified your second factor in this session."));
        }
    }

    private void showEnrolment() {
        SecondFactorEnrolment enrolment = model.beginSecondFactorEnrolment();
        Image qr = new Image(QrCodeSvg.dataUrl(enrolment.provisioningUri()), "QR code of your authenticator key");
        qr.setId("totp-qr");
        qr.setWidth("12rem");
        qr.setHeight("12rem");
        Span key = new Span(enrolment.secret().replaceAll("(.{4})(?!$)", "$1 "));
        key.setId("totp-secret");
        key.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("font-weight", "600");
        TextField code = codeField("Code from the app");
        Button enable = CodeSubmitButton.of("Enable two-factor", "enable-second-factor", code,
            typed -> showRecoveryCodes(model.confirmSecondFactor(enrolment, typed)));
        add(new H2("Set up two-factor authentication"),
            new Paragraph("Webhooks, the event log and revealing secrets need a second factor. Scan the QR code with an "
                + "authenticator app (any app that supports TOTP), or type the key, then enter the code it shows."),
            new HorizontalLayout(qr, new VerticalLayout(new Span("Key"), key)), code, enable);
    }

    private void showRecoveryCodes(List<String> codes) {
        removeAll();
        UnorderedList list = new UnorderedList();
        list.setId("recovery-codes");
        codes.forEach(c -> list.add(new ListItem(c)));
        list.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        Div box = new Div(list);
        box.getStyle().set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-m)")
            .set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
        Button done = new Button("I have saved my recovery codes", click -> proceed());
        done.setId("recovery-codes-saved");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Two-factor authentication is on"),
            new Paragraph("Keep these recovery codes somewhere safe. Each one signs you in once if you lose your "
                + "authenticator app. They are shown only now; Payhooks keeps only their hashes."),
            box, done);
    }

    private void proceed() {
        getUI().ifPresent(ui -> ui.navigate(continueTo));
    }

    private static TextField codeField(String label) {
        TextField code = new TextField(label);
        code.setId("second-factor-code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        // the value must be on the server when Verify is pressed, whatever the browser does on blur
        code.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        code.setWidth("16rem");
        return code;
    }

    static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "" : request.getRemoteAddr();
    }
}
