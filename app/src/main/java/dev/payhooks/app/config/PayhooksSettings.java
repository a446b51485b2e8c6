package dev.payhooks.app.config;

import dev.payhooks.domain.inbound.ApplyLanes;
import dev.payhooks.application.merchants.OperatorKeys;
import dev.payhooks.application.retention.RetentionPolicy;
import dev.payhooks.domain.reconciliation.ReconciliationPolicy;
import dev.payhooks.adapters.outbound.Cidr;
import dev.payhooks.domain.hub.PublicUrl;
import dev.payhooks.domain.payment.ProviderId;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every {@code payhooks.*} setting, read once at startup ({@link SettingsReader}) and checked:
 * the one place that knows the names, defaults and meaning of the settings (README.md,
 * Configuration). Immutable; the wiring hands each part only the values it needs.
 *
 * <p>The database connection ({@code payhooks.db.url}, {@code .user}, {@code .password}) is also
 * read by the server itself when it deploys the application, before any bean exists: the data
 * source definition of {@code DatabaseStartup} and the persistence provider's dialect choice.
 *
 * <p>{@code localBaseUrl} is the hub on this machine, {@code http://127.0.0.1:<port>}, at the HTTP
 * port configured for the server ({@code payara.instance.http.port}, which the server provides;
 * 8080 without it): where the sandbox's simulators are reached when no public URL is set, until
 * the first request shows the port the server actually answers on ({@code ListeningPort}).
 */
public record PayhooksSettings(Mode mode, boolean exitOnStartupFailure, String databaseUrl, Keys keys, PublicUrl publicUrl,
                               String localBaseUrl, Outbound outbound, Delivery delivery, Saleor saleor,
                               Providers providers, Inbound inbound, Admin admin, Optional<Secret> apiKey, OperatorKeys operatorKeys,
                               Metrics metrics,
                               Retention retention, Reconciliation reconciliation, LogFormat logFormat) {

    /** Whether {@code payhooks.mode} is production. */
    public boolean production() {
        return mode.production();
    }

    /** {@code payhooks.mode}: sandbox (provider simulators, test-only operations) or production. */
    public enum Mode {
        SANDBOX, PRODUCTION;

        public boolean production() {
            return this == PRODUCTION;
        }

        /** As written in the setting. */
        public String setting() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code payhooks.master-key} and {@code payhooks.data-dir} (where sandbox mode keeps a generated key). */
    public record Keys(Optional<Secret> masterKey, Path dataDir) { }

    /** {@code payhooks.outbound.allow}: internal networks webhook URLs may reach anyway. */
    public record Outbound(List<Cidr> allowList) {
        public Outbound {
            allowList = List.copyOf(allowList);
        }
    }

    /** {@code payhooks.delivery.*}: the outbound delivery engine. */
    public record Delivery(boolean enabled, long pollMillis, int batchSize, int perEndpointConcurrency,
                           List<Duration> retrySchedule, Duration autoDisableAfter) {
        public Delivery {
            retrySchedule = List.copyOf(retrySchedule);
        }
    }

    /** {@code payhooks.saleor.*}: who may install the Saleor apps, for which merchant, and how long calls to Saleor may take. */
    public record Saleor(Set<String> allowedUrls, Optional<String> merchantId, Duration timeout, long workerPollMillis) {
        public Saleor {
            allowedUrls = Set.copyOf(allowedUrls);
        }
    }

    /** Provider call bounds and the extra API hosts of {@code payhooks.<provider>.allowed-hosts}. */
    public record Providers(Duration adyenTimeout, Duration npAtobaraiTimeout, Map<ProviderId, List<String>> allowedHosts) {
        public Providers {
            allowedHosts = Map.copyOf(allowedHosts);
        }
    }

    /**
     * {@code payhooks.inbound.*}: applying stored provider notifications. {@code workers} threads
     * per instance apply them side by side, each its own lanes of the inbox
     * ({@link ApplyLanes}: one payment's notifications in one lane, in
     * their order), 1 to 16; {@code retryPollSeconds} is how often they look for due ones besides
     * being woken by each store.
     */
    public record Inbound(long retryPollSeconds, int workers) {

        /** Threads that apply stored notifications when {@code payhooks.inbound.workers} is not set. */
        public static final int DEFAULT_WORKERS = 1;

        public Inbound {
            ApplyLanes.requireWorkers(workers);
        }
    }

    /**
     * {@code payhooks.log.format}: {@code text} (the server's own log format, each line of the hub
     * with the correlation id of its work in brackets) or {@code json} (one JSON object per line on
     * standard output, the id as {@code correlationId}).
     */
    public enum LogFormat {
        TEXT, JSON;

        /** As written in the setting. */
        public String setting() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code payhooks.admin.*}: the first administrator's password and the console's session. */
    public record Admin(Optional<Secret> password, int sessionTimeoutMinutes, boolean secureCookie) { }

    /** {@code payhooks.metrics.token}: without it {@code /metrics} answers 404. */
    public record Metrics(Optional<Secret> token) { }

    /**
     * {@code payhooks.retention.*}: whether this instance runs the retention job, what it keeps
     * for how long, and how often it runs (docs/RETENTION.md).
     */
    public record Retention(boolean enabled, RetentionPolicy policy, Duration interval) { }

    /**
     * {@code payhooks.reconciliation.*}: whether this instance runs the reconciliation job, how
     * often, and how it treats transactions whose outcome stayed open (docs/RECONCILIATION.md).
     */
    public record Reconciliation(boolean enabled, Duration interval, ReconciliationPolicy policy) { }
}
