package dev.payhooks.app.config;

import dev.payhooks.app.config.PayhooksSettings.Mode;
import dev.payhooks.domain.outbound.RetryPolicy;
import dev.payhooks.domain.payment.ProviderId;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsReaderTest {

    /** The settings of a map, "test properties" as their source. */
    record MapSource(Map<String, String> values) implements SettingsSource {
        @Override
        public Optional<String> value(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public String origin(String key) {
            return "test properties";
        }
    }

    static PayhooksSettings read(String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return SettingsReader.read(new MapSource(values));
    }

    static InvalidSetting refused(String... keysAndValues) {
        return assertThrows(InvalidSetting.class, () -> read(keysAndValues));
    }

    @Test
    void nothingSetIsTheDocumentedDefaults() {
        PayhooksSettings settings = read();

        assertEquals(Mode.SANDBOX, settings.mode());
        assertTrue(settings.exitOnStartupFailure());
        assertEquals("jdbc:h2:file:./data/payhooks", settings.databaseUrl());
        assertEquals(Optional.empty(), settings.keys().masterKey());
        assertEquals(Path.of("./data"), settings.keys().dataDir());
        assertEquals(Optional.empty(), settings.publicUrl().configured());
        assertEquals("http://127.0.0.1:8080", settings.localBaseUrl());
        assertEquals(List.of(), settings.outbound().allowList());
        assertTrue(settings.delivery().enabled());
        assertEquals(250, settings.delivery().pollMillis());
        assertEquals(100, settings.delivery().batchSize());
        assertEquals(20, settings.delivery().perEndpointConcurrency());
        assertEquals(RetryPolicy.DEFAULT_SCHEDULE, settings.delivery().retrySchedule());
        assertEquals(Duration.ofDays(5), settings.delivery().autoDisableAfter());
        assertEquals(Set.of(), settings.saleor().allowedUrls());
        assertEquals(Optional.empty(), settings.saleor().merchantId());
        assertEquals(Duration.ofSeconds(5), settings.saleor().timeout());
        assertEquals(2000, settings.saleor().workerPollMillis());
        assertEquals(Duration.ofSeconds(15), settings.providers().adyenTimeout());
        assertEquals(Duration.ofSeconds(15), settings.providers().npAtobaraiTimeout());
        assertEquals(Map.of(), settings.providers().allowedHosts());
        assertEquals(5, settings.inbound().retryPollSeconds());
        assertEquals(PayhooksSettings.Inbound.DEFAULT_WORKERS, settings.inbound().workers());
        assertEquals(Optional.empty(), settings.admin().password());
        assertEquals(30, settings.admin().sessionTimeoutMinutes());
        assertFalse(settings.admin().secureCookie());
        assertEquals(Optional.empty(), settings.apiKey());
        assertEquals(Optional.empty(), settings.metrics().token());
        assertTrue(settings.retention().enabled());
        assertEquals(Optional.of(Duration.ofDays(90)), settings.retention().policy().notifications());
        assertEquals(Optional.of(Duration.ofDays(30)), settings.retention().policy().redaction());
        assertEquals(Optional.of(Duration.ofDays(400)), settings.retention().policy().auditEntries());
        assertEquals(Duration.ofMinutes(60), settings.retention().interval());
        assertTrue(settings.reconciliation().enabled());
        assertEquals(Duration.ofMinutes(5), settings.reconciliation().interval());
        assertEquals(Duration.ofMinutes(30), settings.reconciliation().policy().age());
        assertEquals(6, settings.reconciliation().policy().maxAttempts());
        assertEquals(Duration.ofMinutes(15), settings.reconciliation().policy().delayAfter(1));
        assertEquals(Duration.ofHours(6), settings.reconciliation().policy().maxDelay());
        assertEquals(100, settings.reconciliation().policy().batchSize());
    }

    @Test
    void reconciliationSettingsOutOfRangeStopTheStart() {
        PayhooksSettings tuned = read("payhooks.reconciliation.age", "2h", "payhooks.reconciliation.max-attempts", "3");
        assertEquals(Duration.ofHours(2), tuned.reconciliation().policy().age());
        assertEquals(3, tuned.reconciliation().policy().maxAttempts());

        InvalidSetting tooMany = refused("payhooks.reconciliation.max-attempts", "51");
        assertEquals("payhooks.reconciliation: reconciliation attempts must be between 1 and 50 (was 51)", tooMany.getMessage());
        InvalidSetting delays = refused("payhooks.reconciliation.max-delay", "1m");
        assertTrue(delays.getMessage().startsWith("payhooks.reconciliation: reconciliation delays"), delays.getMessage());
    }

    @Test
    void retentionPeriodsAreDaysWithZeroForEverAndTheNotificationFloorStopsTheStart() {
        PayhooksSettings kept = read("payhooks.retention.notification-days", "0", "payhooks.retention.audit-days", "0");
        assertEquals(Optional.empty(), kept.retention().policy().notifications());
        assertEquals(Optional.empty(), kept.retention().policy().auditEntries());

        InvalidSetting tooShort = refused("payhooks.retention.notification-days", "10");
        assertEquals("payhooks.retention: notification retention must be at least 31 days (was 10 days; 0 keeps records for ever)",
            tooShort.getMessage());
        InvalidSetting negative = refused("payhooks.retention.audit-days", "-1");
        assertTrue(negative.getMessage().startsWith("payhooks.retention.audit-days (PAYHOOKS_RETENTION_AUDIT_DAYS) = "),
            negative.getMessage());
    }

    @Test
    void everySettingIsMapped() {
        PayhooksSettings settings = read(
            "payhooks.mode", "Production", "payhooks.exit-on-startup-failure", "false",
            "payhooks.db.url", "jdbc:postgresql://db/payhooks", "payhooks.master-key", "a2V5",
            "payhooks.data-dir", "/var/payhooks", "payhooks.public-url", "https://hub.example.com/",
            "payhooks.outbound.allow", "127.0.0.0/8, ::1/128",
            "payhooks.delivery.enabled", "false", "payhooks.delivery.poll-millis", "50",
            "payhooks.delivery.batch-size", "7", "payhooks.delivery.per-endpoint-concurrency", "3",
            "payhooks.delivery.retry-schedule", "0s, 2s,PT1M", "payhooks.delivery.auto-disable-after", "2d",
            "payhooks.saleor.allowed-urls", "https://a.example/graphql/, https://b.example/graphql/",
            "payhooks.saleor.merchant-id", "m-1", "payhooks.saleor.timeout", "2s", "payhooks.saleor.worker-poll-millis", "300",
            "payhooks.adyen.timeout", "700ms", "payhooks.np-atobarai.timeout", "3s",
            "payhooks.annanow.allowed-hosts", "api.white-label.example, *.annanow.example",
            "payhooks.inbound.retry-poll-seconds", "1", "payhooks.inbound.workers", "2",
            "payhooks.admin.password", "a-long-password!", "payhooks.admin.session-timeout-minutes", "5",
            "payhooks.admin.secure-cookie", "true", "payhooks.api-key", "phk_x", "payhooks.metrics.token", "t0ken");

        assertEquals(Mode.PRODUCTION, settings.mode());
        assertFalse(settings.exitOnStartupFailure());
        assertEquals("jdbc:postgresql://db/payhooks", settings.databaseUrl());
        assertEquals("a2V5", settings.keys().masterKey().orElseThrow().value());
        assertEquals(Path.of("/var/payhooks"), settings.keys().dataDir());
        assertEquals(Optional.of("https://hub.example.com/"), settings.publicUrl().configured());
        assertEquals(2, settings.outbound().allowList().size());
        assertEquals(new PayhooksSettings.Delivery(false, 50, 7, 3,
            List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofMinutes(1)), Duration.ofDays(2)), settings.delivery());
        assertEquals(new PayhooksSettings.Saleor(Set.of("https://a.example/graphql/", "https://b.example/graphql/"),
            Optional.of("m-1"), Duration.ofSeconds(2), 300), settings.saleor());
        assertEquals(Duration.ofMillis(700), settings.providers().adyenTimeout());
        assertEquals(Duration.ofSeconds(3), settings.providers().npAtobaraiTimeout());
        assertEquals(Map.of(ProviderId.ANNANOW, List.of("api.white-label.example", "*.annanow.example")),
            settings.providers().allowedHosts());
        assertEquals(1, settings.inbound().retryPollSeconds());
        assertEquals(2, settings.inbound().workers());
        assertEquals("a-long-password!", settings.admin().password().orElseThrow().value());
        assertEquals(5, settings.admin().sessionTimeoutMinutes());
        assertTrue(settings.admin().secureCookie());
        assertEquals("phk_x", settings.apiKey().orElseThrow().value());
        assertEquals("t0ken", settings.metrics().token().orElseThrow().value());
    }

    /** With {@code --port 9090} the sandbox's simulators are reached on 9090, not on the default port. */
    @Test
    void theLocalBaseUrlFollowsThePortTheServerListensOn() {
        assertEquals("http://127.0.0.1:9090", read("payara.instance.http.port", "9090").localBaseUrl());
    }

    @Test
    void operatorKeysAreReadAndAWrongOneIsNamedByPositionNeverEchoed() {
        String first = "pho_" + "a".repeat(40);
        String second = "pho_" + "b".repeat(40);
        PayhooksSettings settings = read("payhooks.operator-keys", " " + first + " , " + second + ",");
        assertTrue(settings.operatorKeys().authenticate(first).isPresent());
        assertTrue(settings.operatorKeys().authenticate(second).isPresent());
        assertFalse(read().operatorKeys().any(), "none unless configured");

        String secretButMalformed = "pho_SECRET-" + "c".repeat(29);
        InvalidSetting bad = refused("payhooks.operator-keys", first + "," + secretButMalformed);
        assertTrue(bad.getMessage().startsWith("payhooks.operator-keys (PAYHOOKS_OPERATOR_KEYS) from test properties: key 2 of 2"),
            bad.getMessage());
        assertFalse(bad.getMessage().contains("SECRET"), bad.getMessage());
        assertFalse(bad.getMessage().contains(first), bad.getMessage());
    }

    @Test
    void blankIsUnset() {
        PayhooksSettings settings = read("payhooks.mode", " ", "payhooks.delivery.batch-size", "",
            "payhooks.metrics.token", "  ", "payhooks.saleor.merchant-id", " ");

        assertEquals(Mode.SANDBOX, settings.mode());
        assertEquals(100, settings.delivery().batchSize());
        assertEquals(Optional.empty(), settings.metrics().token());
        assertEquals(Optional.empty(), settings.saleor().merchantId());
    }

    @Test
    void aBadValueNamesTheSettingItsVariableAndItsSource() {
        InvalidSetting bad = refused("payhooks.delivery.batch-size", "lots");

        assertEquals("payhooks.delivery.batch-size (PAYHOOKS_DELIVERY_BATCH_SIZE) = 'lots' from test properties: "
            + "is not a whole number", bad.getMessage());
        assertTrue(bad.exitProcess());
    }

    @Test
    void theLogFormatIsTextUnlessJsonIsChosen() {
        assertEquals(PayhooksSettings.LogFormat.TEXT, read().logFormat());
        assertEquals(PayhooksSettings.LogFormat.JSON, read("payhooks.log.format", "JSON").logFormat());
        assertEquals(PayhooksSettings.LogFormat.TEXT, read("payhooks.log.format", " text ").logFormat());
        assertEquals("payhooks.log.format (PAYHOOKS_LOG_FORMAT) = 'xml' from test properties: is neither text nor json",
            refused("payhooks.log.format", "xml").getMessage());
    }

    @Test
    void everyKindOfValueIsChecked() {
        assertTrue(refused("payhooks.mode", "prod").getMessage().startsWith("payhooks.mode (PAYHOOKS_MODE) = 'prod'"));
        assertTrue(refused("payhooks.delivery.enabled", "maybe").getMessage().endsWith("is neither true nor false"));
        assertTrue(refused("payhooks.delivery.poll-millis", "0").getMessage().contains("must be between 1 and"));
        assertTrue(refused("payhooks.inbound.workers", "17").getMessage().contains("must be between 1 and 16"));
        assertTrue(refused("payhooks.inbound.workers", "0").getMessage().contains("must be between 1 and 16"));
        assertTrue(refused("payhooks.admin.session-timeout-minutes", "-1").getMessage().contains("must be between 1 and"));
        assertTrue(refused("payhooks.saleor.timeout", "0s").getMessage().endsWith("must be longer than zero"));
        assertTrue(refused("payhooks.adyen.timeout", "soon").getMessage().contains("is not a duration"));
        assertTrue(refused("payhooks.delivery.retry-schedule", "0s,,5s").getMessage()
            .startsWith("payhooks.delivery.retry-schedule (PAYHOOKS_DELIVERY_RETRY_SCHEDULE)"));
        assertTrue(refused("payhooks.outbound.allow", "10.0.0.0/99").getMessage().contains("bad prefix length"));
        assertTrue(refused("payhooks.walley.allowed-hosts", "http://x").getMessage()
            .startsWith("payhooks.walley.allowed-hosts (PAYHOOKS_WALLEY_ALLOWED_HOSTS)"));
        assertTrue(refused("payhooks.public-url", "ftp://hub.example").getMessage().endsWith("(from test properties)"));
    }

    @Test
    void productionModeNeedsAPublicUrl() {
        assertTrue(refused("payhooks.mode", "production").getMessage().startsWith("PAYHOOKS_PUBLIC_URL is required in production mode"));
    }

    @Test
    void theExitSettingAppliesToTheOtherSettingsFailures() {
        assertFalse(refused("payhooks.exit-on-startup-failure", "false", "payhooks.delivery.batch-size", "x").exitProcess());
        assertTrue(refused("payhooks.exit-on-startup-failure", "perhaps").exitProcess());
    }

    @Test
    void secretsStayOutOfMessagesAndToString() {
        PayhooksSettings settings = read("payhooks.metrics.token", "s3cret-token", "payhooks.admin.password", "s3cret-password",
            "payhooks.api-key", "phk_s3cret", "payhooks.master-key", "s3cret-key");

        assertFalse(settings.toString().contains("s3cret"), settings.toString());
    }

    /** README's configuration table lists every setting read here, and nothing else (the data source reads db.user and db.password). */
    @Test
    void theReadmeTableListsExactlyTheSettingsRead() throws java.io.IOException {
        Set<String> asked = new java.util.TreeSet<>();
        SettingsReader.read(new SettingsSource() {
            @Override
            public Optional<String> value(String key) {
                asked.add(key);
                return Optional.empty();
            }

            @Override
            public String origin(String key) {
                return "nowhere";
            }
        });
        asked.removeIf(key -> !key.startsWith("payhooks."));
        asked.add("payhooks.db.user");
        asked.add("payhooks.db.password");
        Path readme = Path.of(System.getProperty("user.dir")).getParent().resolve("README.md");
        Set<String> documented = new java.util.TreeSet<>();
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("`(payhooks\\.[a-z0-9.-]+)`");
        for (String line : java.nio.file.Files.readAllLines(readme)) {
            if (line.startsWith("| `payhooks.")) {
                java.util.regex.Matcher found = key.matcher(line.split("\\|")[1]);
                while (found.find()) {
                    documented.add(found.group(1));
                }
            }
        }
        assertEquals(asked, documented);
    }

    @Test
    void durationsAreShortFormsOrIso() {
        assertEquals(Duration.ofMillis(250), SettingsReader.duration("250ms"));
        assertEquals(Duration.ofMinutes(30), SettingsReader.duration("30M"));
        assertEquals(Duration.ofDays(5), SettingsReader.duration("P5D"));
        assertEquals(Duration.ofSeconds(30), SettingsReader.duration("PT30S"));
    }

    @Test
    void environmentVariablesAreMicroProfileConfigNames() {
        assertEquals("PAYHOOKS_NP_ATOBARAI_TIMEOUT", SettingsReader.environmentVariable("payhooks.np-atobarai.timeout"));
    }
}
