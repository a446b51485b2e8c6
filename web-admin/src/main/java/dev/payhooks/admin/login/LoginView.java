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
    private final LoginForm form = new LoginForm();

    @Inject
    public LoginView(SecurityContext securityContext) {
        this.securityContext = securityContext;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getErrorMessage().setTitle("Incorrect username or password");
        i18n.getErrorMessage().setMessage("Check your username and password and try again.");
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(event -> signIn(event.getUsername(), event.getPassword()));

        H1 title = new H1("Payhooks");
        Paragraph subtitle = new Paragraph("Payment webhook hub — staff console");
        subtitle.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-top", "0");
        add(title, subtitle, form);
    }

    private void signIn(String username, String password) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpServletRequest httpRequest = request.getHttpServletRequest();
        AuthenticationStatus status = securityContext.authenticate(
            httpRequest,
            VaadinServletResponse.getCurrent().getHttpServletResponse(),
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password)))
                .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            // a new session id after sign-in: a session id planted before login is worthless
            httpRequest.changeSessionId();
            UI.getCurrent().getPage().setLocation(httpRequest.getContextPath() + "/admin/");
        } else {
            form.setError(true);
            form.setEnabled(true);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (securityContext.getCallerPrincipal() != null) {
            event.forwardTo("");
        }
    }
}
