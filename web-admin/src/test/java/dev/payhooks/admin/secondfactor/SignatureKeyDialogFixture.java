package dev.payhooks.admin.secondfactor;

import dev.payhooks.admin.ConsoleFixture;
import dev.payhooks.application.staff.ManageSecondFactor;
import dev.payhooks.application.staff.SignIn;
import dev.payhooks.application.webhooks.ManageSignatureKeys;
import dev.payhooks.domain.port.FakeSecrets;
import dev.payhooks.domain.port.RandomBytes;
import dev.payhooks.domain.staff.LoginThrottle;

/** The Signature Key dialog's model over a console fixture, for the views' model tests of other packages. */
public final class SignatureKeyDialogFixture {

    private final SignatureKeyModel model = new SignatureKeyModel();

    public SignatureKeyDialogFixture(ConsoleFixture console, ManageSignatureKeys keys) {
        console.withSignedIn(model);
        model.signatureKeys = keys;
        model.signIn = new SignIn(new LoginThrottle(LoginThrottle.Policy.DEFAULT, console.clock),
            new ManageSecondFactor(console.users, new FakeSecrets(), RandomBytes.secure(), null, console.clock),
            console.marks, console.clock);
    }

    public String reveal(String code, String clientAddress) {
        return model.revealSignatureKey(code, clientAddress);
    }
}
