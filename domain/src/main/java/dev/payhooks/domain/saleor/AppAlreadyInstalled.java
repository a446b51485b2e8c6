package dev.payhooks.domain.saleor;

import dev.payhooks.domain.error.Conflict;

/**
 * A registration for a Saleor API URL that already has an installation of the same provider's
 * app, made by another app id. Only the installed app may rotate its token; another app gets in
 * only after staff removed the installation (which is audited).
 */
public class AppAlreadyInstalled extends Conflict {

    public AppAlreadyInstalled(String message) {
        super(message);
    }
}
