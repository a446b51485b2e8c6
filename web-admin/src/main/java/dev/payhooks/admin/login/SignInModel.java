package dev.payhooks.admin.login;

import dev.payhooks.admin.ConsoleModel;
import dev.payhooks.admin.secondfactor.SecondFactorEnrolment;
import dev.payhooks.application.staff.ManageSecondFactor;
import dev.payhooks.application.staff.SignIn;
import dev.payhooks.domain.staff.TotpSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The sign-in page's, the second-factor page's and the layout's model: the throttled password
 * attempt, the second factor (enrolment and codes) and whether the signed-in member is still an
 * enabled staff member. Each method runs in one transaction.
 */
@ApplicationScoped
@Transactional
public class SignInModel extends ConsoleModel {

    @Inject
    SignIn signIn;
    @Inject
    ManageSecondFactor secondFactor;

    /** Whether the signed-in user is still an enabled staff member (disabled or removed: their session ends). */
    public boolean signedInStaffEnabled() {
        return signedIn.caller().enabled();
    }

    /** See {@link SignIn#begin}. */
    public SignIn.Attempt beginSignIn(String username, String clientAddress) {
        return signIn.begin(username, clientAddress);
    }

    public void passwordAccepted(String username, SignIn.Attempt.Reserved attempt) {
        signIn.passwordAccepted(username, attempt);
    }

    public boolean secondFactorEnabled() {
        return secondFactor.enabled(caller());
    }

    public int recoveryCodesLeft() {
        return secondFactor.recoveryCodesLeft(caller());
    }

    public SecondFactorEnrolment beginSecondFactorEnrolment() {
        ManageSecondFactor.Enrolment enrolment = secondFactor.begin(caller());
        return new SecondFactorEnrolment(enrolment.secret().base32(), enrolment.provisioningUri());
    }

    /** Enables the second factor; returns the recovery codes, the only time they are shown. */
    public List<String> confirmSecondFactor(SecondFactorEnrolment enrolment, String code) {
        return signIn.confirmEnrolment(caller(), TotpSecret.parse(enrolment.secret()), code);
    }

    /** Checks a second-factor code of the signed-in user, throttled like passwords. */
    public ManageSecondFactor.Accepted verifySecondFactor(String code, String clientAddress) {
        return signIn.verifyCode(caller(), code, clientAddress);
    }
}
