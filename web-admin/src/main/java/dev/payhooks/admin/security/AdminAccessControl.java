package dev.payhooks.admin.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import dev.payhooks.admin.login.LoginView;
import jakarta.enterprise.event.Observes;

/**
 * Guards every admin view by its access annotations ({@code @PermitAll}, {@code @RolesAllowed},
 * {@code @AnonymousAllowed}); a view without one is closed. Signed-out users land on the login view.
 */
public class AdminAccessControl {

    void install(@Observes ServiceInitEvent event) {
        NavigationAccessControl accessControl = new NavigationAccessControl();
        accessControl.setLoginView(LoginView.class);
        event.getSource().addUIInitListener(uiInit -> uiInit.getUI().addBeforeEnterListener(accessControl));
    }
}
