package dev.payhooks.admin.login;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.payhooks.application.staff.SignIn;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;

/** The sign-in page of the admin UI. */
@Route("login")
@PageTitle("Sign in · Payhooks")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final SecurityContext securityContext;
    private final SignInModel model;
    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    @Inject
    public LoginView(SecurityContext securityContext, SignInModel model) {
        this.securityContext = securityContext;
        this.model = model;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        i18n.getForm().setTitle("Sign in");
        showError("Incorrect username or password", "Check your username and password and try again.");
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(event -> signIn(event.getUsername(), event.getPassword()));

        H1 title = new H1("Payhooks");
        Paragraph subtitle = new Paragraph("Payment webhook hub — staff console");
        subtitle.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-top", "0");
        add(title, subtitle, form);
    }

    private void showError(String title, String message) {
        i18n.getErrorMessage().setTitle(title);
        i18n.getErrorMessage().setMessage(message);
        form.setI18n(i18n);
    }

    /**
     * The web component clears its error when the user submits, while the server-side state still
     * says "error": setting it again would send nothing, so the second wrong password in a row
     * would show no message (and the form would stay disabled, the same way). Both are set in
     * the browser as well.
     */
    private void showRefused() {
        form.setError(true);
        form.setEnabled(true);
        form.getElement().executeJs("this.error = true; this.disabled = false;");
    }

    private void signIn(String username, String password) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpServletRequest httpRequest = request.getHttpServletRequest();
        String client = httpRequest.getRemoteAddr();
        SignIn.Attempt attempt = model.beginSignIn(username, client);
        if (attempt instanceof SignIn.Attempt.Refused refused) {
            showError("Sign-in paused", refused.message());
            showRefused();
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(
            httpRequest,
            VaadinServletResponse.getCurrent().getHttpServletResponse(),
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password)))
                .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            model.passwordAccepted(username, (SignIn.Attempt.Reserved) attempt);
            // a new session id after sign-in: a session id planted before login is worthless
            httpRequest.changeSessionId();
            UI.getCurrent().getPage().setLocation(httpRequest.getContextPath() + "/admin/");
        } else {
            showError("Incorrect username or password", "Check your username and password and try again.");
            showRefused();
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (securityContext.getCallerPrincipal() != null) {
            event.forwardTo("");
        }
    }
}
