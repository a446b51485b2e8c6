package dev.payhooks.admin.secondfactor;

import dev.payhooks.admin.ConsoleModel;
import dev.payhooks.admin.NotAllowed;
import dev.payhooks.application.access.Caller;
import dev.payhooks.application.staff.SignIn;
import dev.payhooks.application.webhooks.ManageSignatureKeys;
import dev.payhooks.domain.error.NotPermitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The Signature Key dialog's model: the key in clear after a fresh second-factor code. */
@ApplicationScoped
public class SignatureKeyModel extends ConsoleModel {

    @Inject
    ManageSignatureKeys signatureKeys;
    @Inject
    SignIn signIn;

    /**
     * The merchant's Signature Key in clear, after a fresh second-factor code (the contract: re-enter
     * it to reveal). The use case decides who may see it and audits the reveal or the refusal; the
     * refusal's entry commits (no rollback for it). The code is checked last: a viewer, or a
     * merchant without a key, is answered before a code is spent.
     */
    @Transactional(dontRollbackOn = {NotAllowed.class, NotPermitted.class})
    public String revealSignatureKey(String code, String clientAddress) {
        Caller caller = signedIn.caller();
        NotAllowed.lookNotChange(() -> signatureKeys.requireRevealable(caller));
        signIn.verifyCode(signedIn.username(), code, clientAddress);
        return signatureKeys.reveal(signedIn.caller()).reveal();
    }
}
