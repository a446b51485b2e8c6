package dev.payhooks.app.wiring;

import dev.payhooks.app.config.PayhooksSettings;
import dev.payhooks.app.config.Secret;
import dev.payhooks.app.secrets.AesGcmSecrets;
import dev.payhooks.app.secrets.JdkHmacSha1;
import dev.payhooks.app.secrets.MasterKeySource;
import dev.payhooks.application.apikeys.ManageApiKeys;
import dev.payhooks.application.cache.RecentlyOpenedSecrets;
import dev.payhooks.application.merchants.ApiAccess;
import dev.payhooks.application.merchants.MerchantCache;
import dev.payhooks.application.merchants.ManageMerchants;
import dev.payhooks.application.staff.ManageSecondFactor;
import dev.payhooks.application.staff.ManageStaff;
import dev.payhooks.domain.audit.AuditRecorder;
import dev.payhooks.domain.audit.AuditTrail;
import dev.payhooks.domain.audit.CurrentActor;
import dev.payhooks.domain.merchant.ApiKeys;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.port.IdGenerator;
import dev.payhooks.domain.port.RandomBytes;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.staff.LoginThrottle;
import dev.payhooks.domain.staff.PasswordHashing;
import dev.payhooks.domain.staff.StaffUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Sealed secrets, the audit trail's recorder, staff, second factors, sign-in throttling, API and operator keys, merchants. */
@ApplicationScoped
public class SecurityWiring {

    @Inject
    PayhooksSettings settings;

    /**
     * Application scoped, unlike the other services: the master key loads on first use, inside the
     * startup check ({@code DatabaseStartup}), so a missing or malformed key stops the start there.
     * What it opens is kept for a few seconds ({@link RecentlyOpenedSecrets}): each notification
     * opens its channel's keys.
     */
    @Produces
    @ApplicationScoped
    Secrets secrets() {
        return new RecentlyOpenedSecrets(new AesGcmSecrets(MasterKeySource.load(settings.keys().masterKey().map(Secret::value),
            settings.production(), settings.keys().dataDir())));
    }

    /** Who acts is answered per call by {@link RequestActor}: the API key of the request, the signed-in staff member, or Payhooks. */
    @Produces
    @Singleton
    AuditRecorder auditRecorder(AuditTrail trail, CurrentActor actor, IdGenerator ids, Clock clock) {
        return new AuditRecorder(trail, actor, ids, clock);
    }

    @Produces
    @Singleton
    ManageSecondFactor manageSecondFactor(StaffUsers users, Secrets secrets, RandomBytes random, Clock clock) {
        return new ManageSecondFactor(users, secrets, random, new JdkHmacSha1(), clock);
    }

    @Produces
    @Singleton
    ManageStaff manageStaff(StaffUsers users, Merchants merchants, PasswordHashing hashing, IdGenerator ids, AuditRecorder audit,
                            Clock clock) {
        return new ManageStaff(users, merchants, hashing, ids, audit, clock);
    }

    /** One throttle per instance (a final class: a pseudo-scope, no client proxy). */
    @Produces
    @Singleton
    LoginThrottle loginThrottle(Clock clock) {
        return new LoginThrottle(LoginThrottle.Policy.DEFAULT, clock);
    }

    /** Who a key presented to the management API is: a merchant's key, an operator key ({@code payhooks.operator-keys}), or nobody. */
    @Produces
    @Singleton
    ApiAccess apiAccess(ManageApiKeys apiKeys, MerchantCache merchants) {
        return new ApiAccess(apiKeys, merchants.reading(), settings.operatorKeys());
    }

    @Produces
    @Singleton
    ManageMerchants manageMerchants(Merchants merchants, ManageApiKeys apiKeys, IdGenerator ids, Clock clock, AuditRecorder audit) {
        return new ManageMerchants(merchants, apiKeys, ids, clock, audit);
    }

    @Produces
    @Singleton
    dev.payhooks.application.merchants.RenameMerchant renameMerchant(Merchants merchants, AuditRecorder audit) {
        return new dev.payhooks.application.merchants.RenameMerchant(merchants, audit);
    }

    @Produces
    @Singleton
    ManageApiKeys manageApiKeys(ApiKeys keys, Secrets secrets, IdGenerator ids, Clock clock, AuditRecorder audit) {
        return new ManageApiKeys(keys, secrets, ids, clock, audit);
    }
}
