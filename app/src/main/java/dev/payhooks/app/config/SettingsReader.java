package dev.payhooks.app.config;

import dev.payhooks.domain.inbound.ApplyLanes;
import dev.payhooks.application.merchants.OperatorKeys;
import dev.payhooks.application.retention.RetentionPolicy;
import dev.payhooks.domain.reconciliation.ReconciliationPolicy;
import dev.payhooks.adapters.outbound.Cidr;
import dev.payhooks.adapters.outbound.ProviderEndpoints;
import dev.payhooks.adapters.outbound.SsrfGuard;
import dev.payhooks.app.config.PayhooksSettings.Mode;
import dev.payhooks.domain.error.InvalidValue;
import dev.payhooks.domain.hub.PublicUrl;
import dev.payhooks.domain.outbound.RetryPolicy;
import dev.payhooks.domain.payment.ProviderId;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and checks every {@code payhooks.*} setting into {@link PayhooksSettings}. A value it
 * cannot use is an {@link InvalidSetting} naming the setting, its environment variable and the
 * source of the value; a secret's value is never repeated. Blank counts as unset.
 */
public final class SettingsReader {

    /** The HTTP port the server listens on ({@code --port}), as Payara provides it to MicroProfile Config. */
    static final String HTTP_PORT = "payara.instance.http.port";

    private final SettingsSource source;
    private boolean exitOnFailure = true;

    private SettingsReader(SettingsSource source) {
        this.source = source;
    }

    public static PayhooksSettings read(SettingsSource source) {
        return new SettingsReader(source).read();
    }

    private PayhooksSettings read() {
        exitOnFailure = bool("payhooks.exit-on-startup-failure", true);
        Mode mode = parsed("payhooks.mode", Mode.SANDBOX, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "sandbox" -> Mode.SANDBOX;
            case "production" -> Mode.PRODUCTION;
            default -> throw new IllegalArgumentException("is neither sandbox nor production");
        });
        return new PayhooksSettings(mode, exitOnFailure,
            text("payhooks.db.url").orElse("jdbc:h2:file:./data/payhooks"),
            new PayhooksSettings.Keys(secret("payhooks.master-key"), parsed("payhooks.data-dir", Path.of("./data"), Path::of)),
            publicUrl(mode),
            "http://127.0.0.1:" + atLeastOne(HTTP_PORT, 8080),
            new PayhooksSettings.Outbound(parsed("payhooks.outbound.allow", List.<Cidr>of(), SsrfGuard::parseAllowList)),
            new PayhooksSettings.Delivery(bool("payhooks.delivery.enabled", true),
                atLeastOne("payhooks.delivery.poll-millis", 250),
                (int) atLeastOne("payhooks.delivery.batch-size", 100),
                (int) atLeastOne("payhooks.delivery.per-endpoint-concurrency", 20),
                parsed("payhooks.delivery.retry-schedule", RetryPolicy.DEFAULT_SCHEDULE, SettingsReader::schedule),
                positive("payhooks.delivery.auto-disable-after", Duration.ofDays(5))),
            new PayhooksSettings.Saleor(commaSeparated("payhooks.saleor.allowed-urls"), text("payhooks.saleor.merchant-id"),
                positive("payhooks.saleor.timeout", Duration.ofSeconds(5)),
                atLeastOne("payhooks.saleor.worker-poll-millis", 2000)),
            new PayhooksSettings.Providers(positive("payhooks.adyen.timeout", Duration.ofSeconds(15)),
                positive("payhooks.np-atobarai.timeout", Duration.ofSeconds(15)), allowedHosts()),
            new PayhooksSettings.Inbound(atLeastOne("payhooks.inbound.retry-poll-seconds", 5),
                parsed("payhooks.inbound.workers", PayhooksSettings.Inbound.DEFAULT_WORKERS,
                    text -> (int) wholeNumber(text, 1, ApplyLanes.COUNT, "is not a whole number", "must be between 1 and "
                        + ApplyLanes.COUNT))),
            new PayhooksSettings.Admin(secret("payhooks.admin.password"),
                (int) atLeastOne("payhooks.admin.session-timeout-minutes", 30), bool("payhooks.admin.secure-cookie", false)),
            secret("payhooks.api-key"),
            operatorKeys(),
            new PayhooksSettings.Metrics(secret("payhooks.metrics.token")),
            retention(),
            reconciliation(),
            parsed("payhooks.log.format", PayhooksSettings.LogFormat.TEXT, text -> switch (text.toLowerCase(Locale.ROOT)) {
                case "text" -> PayhooksSettings.LogFormat.TEXT;
                case "json" -> PayhooksSettings.LogFormat.JSON;
                default -> throw new IllegalArgumentException("is neither text nor json");
            }));
    }

    /** {@code payhooks.operator-keys}: comma-separated; a wrong one is named by position, never echoed (they are secrets). */
    private OperatorKeys operatorKeys() {
        String key = "payhooks.operator-keys";
        List<String> keys = text(key).stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
            .filter(v -> !v.isEmpty()).toList();
        for (int i = 0; i < keys.size(); i++) {
            if (!OperatorKeys.wellFormed(keys.get(i))) {
                throw new InvalidSetting(key + " (" + environmentVariable(key) + ") from " + source.origin(key) + ": key "
                    + (i + 1) + " of " + keys.size() + " is not '" + OperatorKeys.PREFIX
                    + "' followed by 40 characters of a-z, 0-9", exitOnFailure);
            }
        }
        return OperatorKeys.of(keys, key);
    }

    private PayhooksSettings.Retention retention() {
        boolean enabled = bool("payhooks.retention.enabled", true);
        long notifications = days("payhooks.retention.notification-days", 90);
        long redaction = days("payhooks.retention.redact-after-days", 30);
        long attempts = days("payhooks.retention.delivery-attempt-days", 30);
        long events = days("payhooks.retention.event-days", 180);
        long audit = days("payhooks.retention.audit-days", 400);
        int batchSize = (int) atLeastOne("payhooks.retention.batch-size", 500);
        int maxBatches = (int) atLeastOne("payhooks.retention.max-batches-per-run", 200);
        Duration interval = Duration.ofMinutes(atLeastOne("payhooks.retention.interval-minutes", 60));
        try {
            return new PayhooksSettings.Retention(enabled, new RetentionPolicy(RetentionPolicy.days(notifications),
                RetentionPolicy.days(redaction), RetentionPolicy.days(attempts), RetentionPolicy.days(events),
                RetentionPolicy.days(audit), batchSize, maxBatches), interval);
        } catch (IllegalArgumentException outOfRange) {
            // the periods are each valid numbers, but together or alone out of the policy's range
            throw new InvalidSetting("payhooks.retention: " + outOfRange.getMessage(), exitOnFailure);
        }
    }

    private PayhooksSettings.Reconciliation reconciliation() {
        boolean enabled = bool("payhooks.reconciliation.enabled", true);
        Duration interval = positive("payhooks.reconciliation.interval", Duration.ofMinutes(5));
        Duration age = positive("payhooks.reconciliation.age", Duration.ofMinutes(30));
        int attempts = (int) atLeastOne("payhooks.reconciliation.max-attempts", 6);
        Duration firstDelay = positive("payhooks.reconciliation.first-delay", Duration.ofMinutes(15));
        Duration maxDelay = positive("payhooks.reconciliation.max-delay", Duration.ofHours(6));
        int batchSize = (int) atLeastOne("payhooks.reconciliation.batch-size", 100);
        try {
            return new PayhooksSettings.Reconciliation(enabled, interval,
                new ReconciliationPolicy(age, attempts, firstDelay, maxDelay, batchSize));
        } catch (IllegalArgumentException outOfRange) {
            throw new InvalidSetting("payhooks.reconciliation: " + outOfRange.getMessage(), exitOnFailure);
        }
    }

    /** A number of days, 0 meaning for ever. */
    private long days(String key, long fallback) {
        return parsed(key, fallback, text -> wholeNumber(text, 0, 36_500, "is not a whole number of days",
            "must be between 0 (for ever) and 36500 days"));
    }

    /** {@code 5s}, {@code 250ms}, {@code 30m}, {@code 2h}, {@code 5d} or ISO-8601 ({@code PT30S}, {@code P5D}). */
    public static Duration duration(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.matches("\\d+(ms|s|m|h|d)")) {
            long n = Long.parseLong(lower.replaceAll("\\D", ""));
            return switch (lower.replaceAll("\\d", "")) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not a duration such as 5s, 250ms, 30m, 2h, 5d or PT30S");
        }
    }

    private static List<Duration> schedule(String text) {
        List<Duration> delays = Arrays.stream(text.split(",")).map(SettingsReader::duration).toList();
        if (delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("has a negative delay");
        }
        return delays;
    }

    private PublicUrl publicUrl(Mode mode) {
        try {
            return PublicUrl.of(text("payhooks.public-url"), mode.production());
        } catch (InvalidValue invalid) {
            String from = text("payhooks.public-url").isPresent() ? " (from " + source.origin("payhooks.public-url") + ")" : "";
            throw new InvalidSetting(invalid.getMessage() + from, exitOnFailure);
        }
    }

    private Map<ProviderId, List<String>> allowedHosts() {
        Map<ProviderId, List<String>> hosts = new EnumMap<>(ProviderId.class);
        for (ProviderId provider : ProviderId.values()) {
            List<String> extra = parsed("payhooks." + provider.slug() + ".allowed-hosts", List.<String>of(),
                ProviderEndpoints::parseHosts);
            if (!extra.isEmpty()) {
                hosts.put(provider, extra);
            }
        }
        return hosts;
    }

    private Optional<String> text(String key) {
        return source.value(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private Optional<Secret> secret(String key) {
        return source.value(key).filter(v -> !v.isBlank()).map(Secret::new);
    }

    private Set<String> commaSeparated(String key) {
        return text(key).stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty())
            .collect(Collectors.toSet());
    }

    private boolean bool(String key, boolean fallback) {
        return parsed(key, fallback, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y", "1" -> true;
            case "false", "no", "off", "n", "0" -> false;
            default -> throw new IllegalArgumentException("is neither true nor false");
        });
    }

    private long atLeastOne(String key, long fallback) {
        return parsed(key, fallback, text -> wholeNumber(text, 1, Integer.MAX_VALUE, "is not a whole number",
            "must be between 1 and " + Integer.MAX_VALUE));
    }

    /** {@code text} as a whole number from {@code min} to {@code max}, else the problem named. */
    private static long wholeNumber(String text, long min, long max, String notANumber, String outOfRange) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(notANumber);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(outOfRange);
        }
        return value;
    }

    private Duration positive(String key, Duration fallback) {
        return parsed(key, fallback, text -> {
            Duration value = duration(text);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("must be longer than zero");
            }
            return value;
        });
    }

    /** The parsed value, the fallback when unset; a value the parser refuses (IllegalArgumentException, its message the reason; InvalidPathException is one) stops the start. */
    private <T> T parsed(String key, T fallback, Function<String, T> parser) {
        Optional<String> raw = text(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(raw.get());
        } catch (IllegalArgumentException | ArithmeticException e) {
            String reason = e.getMessage() == null ? "is not valid" : e.getMessage();
            throw new InvalidSetting(key + " (" + environmentVariable(key) + ") = " + InvalidValue.echo(raw.get()) + " from "
                + source.origin(key) + ": " + reason, exitOnFailure);
        }
    }

    /** {@code payhooks.db.url} → {@code PAYHOOKS_DB_URL}, as MicroProfile Config maps them. */
    static String environmentVariable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
