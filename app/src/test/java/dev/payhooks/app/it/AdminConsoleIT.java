package dev.payhooks.app.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import dev.payhooks.app.secrets.JdkHmacSha1;
import dev.payhooks.domain.staff.TotpSecret;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The admin console in headless Chromium against the built WAR on Payara Micro: throttled
 * sign-in, TOTP enrolment (the code computed here from the key the page shows) and
 * verification, the webhook add, edit, reset-authentication and delete flows, and the event log's filters, attempts and replays.
 *
 * <p>The IT database outlives a run ({@code app/target/it-data}), so the administrator may
 * already have a second factor from an earlier run: the key enrolled then is kept next to the
 * database, and the first sign-in verifies instead of enrolling. Each test signs in when its
 * browser context is not signed in yet, so none depends on another having run.
 */
@ExtendWith(SharedServer.class)
class AdminConsoleIT {

    static final String ADMIN_PASSWORD = System.getProperty("payhooks.it.admin.password");
    static final String API_KEY = System.getProperty("payhooks.it.api.key");
    static final Path SCREENSHOTS = Paths.get(System.getProperty("payhooks.it.screenshots", "target/screenshots"));
    /** Next to the IT database: the administrator's TOTP key and last used step, for later runs on the same database. */
    static final Path TOTP_FILE = Paths.get(Optional.ofNullable(System.getenv("PAYHOOKS_DATA_DIR")).orElse("target/it-data"),
        "it-admin-totp.txt");
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    static final JdkHmacSha1 HMAC = new JdkHmacSha1();
    static HttpClient http;
    static Playwright playwright;
    static Browser browser;
    static BrowserContext signedIn;
    static HttpServer receiver;
    static final List<String> receivedBodies = new CopyOnWriteArrayList<>();
    /** The replay test's webhooks (paths under {@code /replay-}): what each answered 200 to, by path; kept apart from {@link #receivedBodies}. */
    static final java.util.Map<String, List<String>> replayReceived = new java.util.concurrent.ConcurrentHashMap<>();
    /** Paths under {@code /replay-} that answer 500 for now. */
    static final java.util.Set<String> failingPaths = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** What Chromium refused under the admin UI's Content-Security-Policy, in any page of any test. */
    static final List<String> cspViolations = new CopyOnWriteArrayList<>();

    @SharedServer.Url
    URL deploymentUrl;


    @BeforeAll
    static void clients() throws Exception {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        playwright = Playwright.create();
        // a loaded CI machine (2 cores, Payara and Chromium side by side) needs more than the 5 s default
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(Paths.get(System.getProperty("payhooks.it.chromium", "/usr/bin/chromium")))
            .setHeadless(true)
            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean failing = failingPaths.contains(path);
            if (path.startsWith("/replay-")) {
                if (!failing) {
                    replayReceived.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(body);
                }
            } else {
                receivedBodies.add(body);
            }
            exchange.sendResponseHeaders(failing ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void closeClients() {
        if (signedIn != null) {
            signedIn.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    /** A browser context whose pages report every Content-Security-Policy violation (event and console). */
    static BrowserContext watched(BrowserContext context) {
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
            + "'CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber))");
        context.onConsoleMessage(message -> {
            String text = message.text();
            if (text.startsWith("CSP violation") || text.contains("Content Security Policy")) {
                cspViolations.add(message.location() + ": " + text);
            }
        });
        return context;
    }

    /** The admin UI works under its Content-Security-Policy: nothing it needs was refused. */
    @AfterEach
    void nothingRefusedByTheContentSecurityPolicy() {
        List<String> seen = List.copyOf(cspViolations);
        cspViolations.clear();
        assertTrue(seen.isEmpty(), "Content-Security-Policy violations: " + seen);
    }

    String app() {
        String path = deploymentUrl.getPath();
        return "http://127.0.0.1:" + deploymentUrl.getPort() + (path.endsWith("/") ? path : path + "/");
    }

    String hookUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    static void signInWithPassword(Page page, String username, String password) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }

    /** Submitting clears the form's error and disables it at once; the server's answer shows the error and enables it again. */
    static void awaitLoginAnswer(Page page) {
        page.waitForFunction("() => { const f = document.querySelector('vaadin-login-form'); return f && f.error && !f.disabled; }");
    }

    // ---- TOTP codes as an authenticator app would show them, never one step twice ------------

    record Totp(TotpSecret secret, long lastStep) { }

    static synchronized Totp storedTotp() throws Exception {
        if (!Files.exists(TOTP_FILE)) {
            return null;
        }
        List<String> lines = Files.readAllLines(TOTP_FILE);
        return new Totp(TotpSecret.parse(lines.get(0)), Long.parseLong(lines.get(1)));
    }

    static synchronized void storeTotp(TotpSecret secret, long lastStep) throws Exception {
        Files.createDirectories(TOTP_FILE.getParent());
        Files.writeString(TOTP_FILE, secret.base32() + "\n" + lastStep + "\n");
    }

    /** A code the server has not accepted yet: the current step, or the next one (inside the window), waiting if need be. */
    static synchronized String nextCode() throws Exception {
        Totp totp = storedTotp();
        if (totp == null) {
            fail("the administrator has a second factor from an earlier run whose key is lost: delete app/target/it-data");
        }
        long step = Math.max(TotpSecret.stepAt(Instant.now()), totp.lastStep() + 1);
        while (step > TotpSecret.stepAt(Instant.now()) + 1) {
            Thread.sleep(1000);
        }
        storeTotp(totp.secret(), step);
        return totp.secret().codeAt(step, HMAC);
    }

    /** A browser session signed in with password and second factor (enrolling it the first time). */
    Page signedInPage() throws Exception {
        if (signedIn == null) {
            // kept only once signed in: a failed attempt must not leave a half-signed-in session to later tests
            BrowserContext context = watched(browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900)));
            Page page = context.newPage();
            page.navigate(app() + "admin/");
            signInWithPassword(page, "admin", ADMIN_PASSWORD);
            assertThat(page.getByText("Signed in as admin.")).isVisible();
            page.navigate(app() + "admin/webhooks");
            assertThat(page).hasURL(Pattern.compile(".*/admin/second-factor\\?continue=webhooks"));
            page.locator("#totp-secret, #verify-second-factor").first().waitFor();
            if (page.locator("#totp-secret").isVisible()) {
                enrol(page);
            } else {
                page.locator("#second-factor-code input").fill(nextCode());
                page.locator("#verify-second-factor").click();
            }
            try {
                assertThat(page).hasURL(app() + "admin/webhooks");
            } catch (AssertionError stuck) {
                shot(page, "failed-second-factor.png");
                throw new AssertionError("second factor not accepted: "
                    + page.locator("#second-factor-code [slot=error-message]").textContent(), stuck);
            }
            signedIn = context;
            return page;
        }
        return signedIn.pages().get(0);
    }

    void enrol(Page page) throws Exception {
        assertThat(page.locator("#totp-qr")).isVisible();
        assertTrue(page.locator("#totp-qr").getAttribute("src").startsWith("data:image/svg+xml;base64,"));
        TotpSecret secret = TotpSecret.parse(page.locator("#totp-secret").textContent());
        shot(page, "second-factor-enrolment.png");

        page.locator("#second-factor-code input").fill(secret.codeAt(TotpSecret.stepAt(Instant.now()) - 5, HMAC));
        page.locator("#enable-second-factor").click();
        assertThat(page.locator("#second-factor-code")).hasAttribute("invalid", "");

        long step = TotpSecret.stepAt(Instant.now());
        storeTotp(secret, step);
        page.locator("#second-factor-code input").fill(secret.codeAt(step, HMAC));
        page.locator("#enable-second-factor").click();

        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        assertTrue(page.locator("#recovery-codes li").first().textContent().matches("[0-9a-z]{4}(-[0-9a-z]{4}){3}"));
        shot(page, "recovery-codes.png");
        page.locator("#recovery-codes-saved").click();
    }

    // ---- the API, to check what the UI did ---------------------------------------------------

    HttpResponse<String> api(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app() + "api/v1/" + path))
            .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + API_KEY);
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
            : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The id of the one notification that arrived for a channel (this run's own), from the server's database. */
    static String notificationIdOfChannel(String slug) throws Exception {
        String url = System.getProperty("payhooks.it.db.url", "");
        try (java.sql.Connection c = url.startsWith("jdbc:h2:") ? java.sql.DriverManager.getConnection(url, "sa", "")
                : java.sql.DriverManager.getConnection(url);
             java.sql.PreparedStatement q = c.prepareStatement("select id from inbound_notification where channel_slug = ?")) {
            q.setString(1, slug);
            try (java.sql.ResultSet row = q.executeQuery()) {
                assertTrue(row.next(), "a notification for channel " + slug);
                String id = row.getString(1);
                assertFalse(row.next(), "one notification for channel " + slug);
                return id;
            }
        }
    }

    Optional<JsonObject> webhookByLabel(String label) throws Exception {
        JsonArray all = Json.createReader(new StringReader(api("GET", "webhooks", null).body())).readArray();
        return all.stream().map(JsonValue::asJsonObject).filter(w -> w.getString("label").equals(label)).findFirst();
    }

    // ---- tests ---------------------------------------------------------------------------------

    @Test
    void repeatedWrongPasswordsPauseSignInForThatAccountWithAClearMessage() {
        try (BrowserContext context = watched(browser.newContext()); Page page = context.newPage()) {
            page.navigate(app() + "admin/login");
            String user = "mallory-" + RUN;
            Locator refusal = page.locator("vaadin-login-form-wrapper [part=error-message-title]");
            for (int attempt = 1; attempt <= 5; attempt++) {
                signInWithPassword(page, user, "guess-" + attempt);
                awaitLoginAnswer(page);
                assertThat(refusal).hasText("Incorrect username or password");
                assertThat(refusal).isVisible();
            }
            signInWithPassword(page, user, "guess-6");
            awaitLoginAnswer(page);

            assertThat(refusal).hasText("Sign-in paused");
            assertThat(page.getByText("Too many failed sign-in attempts for this account")).isVisible();
            shot(page, "login-throttled.png");
        }
    }

    /**
     * Sign-in must land every time: 50 sign-ins, four at once, each in a fresh browser context. Each
     * one must reach the console and still be signed in at its next navigation (a session cookie
     * replaced right after sign-in bounced about 1 in 10 back to the sign-in page).
     */
    /**
     * The dashboard or the sign-in form, whichever shows first: only the form is a bounce. A loaded
     * machine (load average 27 seen) can take longer than 15 s to render the dashboard.
     */
    static void assertLanded(Page page) {
        page.waitForFunction("() => document.querySelector('vaadin-login-form') !== null"
            + " || (document.body && document.body.innerText.includes('Signed in as admin.'))", null,
            new Page.WaitForFunctionOptions().setTimeout(60_000));
        assertFalse(page.locator("vaadin-login-form").count() > 0, "bounced to the sign-in page: " + page.url());
    }

    /**
     * Four browsers sign in at the same moment, again and again, 50 sign-ins in all. Each sign-in
     * starts without any cookie (a fresh session, as a new browser has), while the browsers keep
     * their HTTP caches between rounds, as real ones do: the console's scripts load once per
     * browser, not once per sign-in.
     */
    @Test
    void fiftySignInsFourAtATimeAllLandAndStaySignedIn() {
        int parallel = 4;
        List<BrowserContext> contexts = new java.util.ArrayList<>();
        List<Page> pages = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                BrowserContext context = browser.newContext();
                contexts.add(context);
                pages.add(context.newPage());
            }
            for (int done = 0; done < 50; done += parallel) {
                List<Page> round = pages.subList(0, Math.min(parallel, 50 - done));
                try {
                    for (Page page : round) {
                        page.context().clearCookies();
                        page.navigate(app() + "admin/login"); // without a session: the sign-in form, not the dashboard
                        page.locator("input[name=username]").fill("admin");
                        page.locator("input[name=password]").fill(ADMIN_PASSWORD);
                    }
                    for (Page page : round) { // submitted together: the sign-ins run on the server at the same time
                        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
                    }
                    for (Page page : round) {
                        page.waitForURL(url -> !url.contains("/admin/login"), new Page.WaitForURLOptions().setTimeout(60_000));
                        assertLanded(page);
                        page.navigate(app() + "admin/"); // the next request still carries the signed-in session
                        assertLanded(page);
                    }
                } catch (PlaywrightException | AssertionError bounce) {
                    round.stream().filter(p -> p.url().contains("/admin/login")).findFirst().ifPresent(p -> shot(p, "bounced-sign-in.png"));
                    throw new AssertionError("a sign-in bounced back to the sign-in page (after " + done + " that landed)", bounce);
                }
            }
        } finally {
            contexts.forEach(BrowserContext::close);
        }
    }

    @Test
    void theSecondFactorGuardsWebhooksAndTheEventLogButNotTheDashboard() throws Exception {
        signedInPage();
        try (BrowserContext context = watched(browser.newContext()); Page page = context.newPage()) {
            page.navigate(app() + "admin/");
            signInWithPassword(page, "admin", ADMIN_PASSWORD);
            assertThat(page.getByText("Signed in as admin.")).isVisible();

            page.navigate(app() + "admin/event-log");
            assertThat(page).hasURL(Pattern.compile(".*/admin/second-factor\\?continue=event-log"));
            assertThat(page.getByText("Two-factor verification")).isVisible();

            page.locator("#second-factor-code input").fill("000000".equals(nextCodePeek()) ? "111111" : "000000");
            page.locator("#verify-second-factor").click();
            assertThat(page.locator("#second-factor-code")).hasAttribute("invalid", "");
            assertThat(page.locator("#second-factor-code [slot=error-message]")).containsText("is not valid");
            shot(page, "second-factor-verification.png");

            page.locator("#second-factor-code input").fill(nextCode());
            page.locator("#verify-second-factor").click();
            assertThat(page).hasURL(app() + "admin/event-log");
        }
    }

    static String nextCodePeek() throws Exception {
        Totp totp = storedTotp();
        return totp == null ? "" : totp.secret().codeAt(TotpSecret.stepAt(Instant.now()), HMAC);
    }

    @Test
    void webhooksAreAddedEditedWithAnAuthenticationResetAbandonedAndDeleted() throws Exception {
        Page page = signedInPage();
        page.navigate(app() + "admin/webhooks");
        String label = "IT hook " + RUN;
        shot(page, "webhooks-before.png");

        // Add Webhook: the domain's messages appear next to the fields
        page.locator("#add-webhook").click();
        assertThat(page.locator("#webhook-save")).hasText("Add Hook");
        // every box of the form has an accessible name (its label)
        assertThat(page.getByLabel("Label", new Page.GetByLabelOptions().setExact(true))).isVisible();
        assertThat(page.getByLabel("Hook URL", new Page.GetByLabelOptions().setExact(true))).isVisible();
        assertThat(page.getByLabel("Events", new Page.GetByLabelOptions().setExact(true))).isVisible();
        assertEquals(List.of(), unnamedInputs(page, "vaadin-dialog-overlay"));
        page.locator("#webhook-label input").fill(label);
        page.locator("#webhook-url input").fill("ftp://receiver.example/hook");
        page.locator("#webhook-save").click();
        assertThat(page.locator("#webhook-url")).hasAttribute("invalid", "");
        assertThat(page.locator("#webhook-url [slot=error-message]")).hasText("Must be an absolute http(s) URL");
        // every problem at once: no event chosen yet either
        assertThat(page.locator("#webhook-events")).hasAttribute("invalid", "");

        page.locator("#webhook-url input").fill("http://10.0.0.5/hook");
        page.locator("#webhook-save").click();
        assertThat(page.locator("#webhook-events")).hasAttribute("invalid", "");
        assertThat(page.locator("#webhook-events [slot=error-message]")).hasText("Must name at least one event type");

        pickEvent(page, "transaction.sale.success");
        pickEvent(page, "transaction.refund.success");
        page.locator("#webhook-authentication").getByText("Basic", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#webhook-username input").fill("receiver");
        page.locator("#webhook-password input").fill("receiver-pass-1");
        page.locator("#webhook-signature").getByText("Signature Key", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#webhook-save").click();
        assertThat(page.locator("#webhook-url")).hasAttribute("invalid", "");
        assertThat(page.locator("#webhook-url [slot=error-message]"))
            .containsText("Host '10.0.0.5' points into a private or internal network");
        shot(page, "webhook-add-validation.png");

        page.locator("#webhook-url input").fill(hookUrl("/it-hook"));
        page.locator("#webhook-save").click();
        assertThat(page.locator("vaadin-grid-cell-content").getByText(label, new Locator.GetByTextOptions().setExact(true))).isVisible();
        JsonObject created = webhookByLabel(label).orElseThrow();
        assertEquals("BASIC", created.getJsonObject("authentication").getString("type"));
        assertEquals("receiver", created.getJsonObject("authentication").getString("username"));
        assertEquals("SIGNATURE_KEY", created.getJsonObject("signature").getString("type"));
        assertEquals(2, created.getJsonArray("events").size());
        shot(page, "webhooks.png");

        // Edit: authentication is locked until reset; Keep Current Configuration undoes the reset
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit " + label).setExact(true)).click();
        assertThat(page.locator("#webhook-save")).hasText("Save Changes");
        assertThat(page.locator("#webhook-authentication")).hasAttribute("readonly", "");
        page.locator("#webhook-label input").fill(label + " edited");
        page.locator("#webhook-reset-authentication").click();
        assertThat(page.locator("#webhook-reset-authentication")).hasText("Keep Current Configuration");
        page.locator("#webhook-authentication").getByText("None", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#webhook-reset-authentication").click();
        assertThat(page.locator("#webhook-reset-authentication")).hasText("Reset Webhook Authentication");
        assertThat(page.locator("#webhook-username input")).hasValue("receiver");
        page.locator("#webhook-reset-authentication").click();
        page.locator("#webhook-authentication").getByText("None", new Locator.GetByTextOptions().setExact(true)).click();
        shot(page, "webhook-edit.png");
        page.locator("#webhook-save").click();
        assertThat(page.locator("vaadin-grid-cell-content").getByText(label + " edited", new Locator.GetByTextOptions().setExact(true))).isVisible();
        JsonObject edited = webhookByLabel(label + " edited").orElseThrow();
        assertEquals("NONE", edited.getJsonObject("authentication").getString("type"));
        assertEquals(created.getString("id"), edited.getString("id"));

        // Close with unsaved changes asks; Keep Editing stays, Abandon Changes leaves without saving
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit " + label + " edited").setExact(true)).click();
        page.locator("#webhook-url input").fill(hookUrl("/elsewhere"));
        page.locator("#webhook-close").click();
        assertThat(page.getByText("Abandon changes?")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep Editing")).click();
        assertThat(page.locator("#webhook-url input")).hasValue(hookUrl("/elsewhere"));
        page.locator("#webhook-close").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abandon Changes")).click();
        assertThat(page.locator("#webhook-url")).isHidden();
        assertEquals(hookUrl("/it-hook"), webhookByLabel(label + " edited").orElseThrow().getString("url"));

        // enable/disable from the list; disabling asks first, and Cancel leaves it enabled
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable " + label + " edited").setExact(true)).click();
        awaitDestructiveConfirm(page, "Disable webhook “" + label + " edited”?");
        assertThat(page.getByText("No events are delivered to it until you enable it again.")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel").setExact(true)).click();
        assertThat(page.getByText("Disable webhook “" + label + " edited”?")).hasCount(0);
        assertTrue(webhookByLabel(label + " edited").orElseThrow().getBoolean("enabled"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable " + label + " edited").setExact(true)).click();
        awaitDestructiveConfirm(page, "Disable webhook “" + label + " edited”?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enable " + label + " edited").setExact(true)).waitFor();
        assertFalse(webhookByLabel(label + " edited").orElseThrow().getBoolean("enabled"));
        // a disabled webhook gets no test event, and the console says why
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test event to " + label + " edited").setExact(true))
            .click();
        assertThat(page.getByText("Webhook “" + label + " edited” is disabled: enable it to send a test event")).isVisible();
        assertThat(page.getByText("Test event queued for “" + label + " edited”", new Page.GetByTextOptions().setExact(false)))
            .hasCount(0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enable " + label + " edited").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable " + label + " edited").setExact(true)).waitFor();
        assertTrue(webhookByLabel(label + " edited").orElseThrow().getBoolean("enabled"));

        // the Signature Key shows in clear only after a fresh code
        page.locator("#signature-key").click();
        assertThat(page.locator("#signature-key-value")).hasText("whsec_••••••••");
        page.locator("#reveal-code input").fill(nextCode());
        page.locator("#reveal-signature-key").click();
        String key = Json.createReader(new StringReader(api("GET", "signature-key", null).body())).readObject().getString("key");
        assertThat(page.locator("#signature-key-value")).hasText(key);
        // one code was enough: the key shows with Copy, and no second code is asked for
        assertThat(page.locator("#copy-signature-key")).isVisible();
        assertThat(page.locator("#reveal-code")).isHidden();
        assertThat(page.locator("#reveal-signature-key")).isHidden();
        page.locator("#signature-key-close").click();
        assertThat(page.locator("#signature-key-dialog")).hasCount(0);

        // Delete Hook asks first
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit " + label + " edited").setExact(true)).click();
        page.locator("#webhook-delete").click();
        assertThat(page.getByText("Delete hook?")).isVisible();
        awaitDestructiveConfirm(page, "Delete hook?");
        shot(page, "webhook-delete-confirmation.png");
        page.locator("vaadin-button:not(#webhook-delete)", new Page.LocatorOptions().setHasText("Delete Hook")).click();
        assertThat(page.locator("vaadin-grid-cell-content").getByText(label + " edited", new Locator.GetByTextOptions().setExact(true))
            .filter(new Locator.FilterOptions().setVisible(true))).hasCount(0);
        assertTrue(webhookByLabel(label + " edited").isEmpty());
    }

    @Test
    void channelsAreConfiguredTransactionsBrowsedKeysIssuedOnceAndEveryChangeAudited() throws Exception {
        Page page = signedInPage();
        String slug = "it-" + RUN;
        String secret = "it-annanow-secret-" + RUN;

        // open a channel from the console; the domain's message sits next to the field
        page.navigate(app() + "admin/channels");
        page.locator("#open-channel").click();
        page.locator("#channel-slug input").fill(slug);
        page.locator("#channel-name input").fill("IT channel " + RUN);
        page.locator("#channel-currency input").fill("XXX-not-a-currency");
        page.locator("#channel-country input").fill("CH");
        page.locator("#create-channel").click();
        assertThat(page.locator("#channel-currency")).hasAttribute("invalid", "");
        page.locator("#channel-currency input").fill("CHF");
        // Enter in the dialog submits it, with the value just typed
        page.locator("#channel-currency input").press("Enter");
        // the new channel is listed, and its row links to the channel's page
        assertThat(page.locator("#channels-grid vaadin-grid-cell-content")
            .getByText(slug, new Locator.GetByTextOptions().setExact(true))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Configure channel " + slug).setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/admin/channels/" + slug + "$"));
        // the side navigation still shows where the page belongs
        assertThat(page.locator("vaadin-side-nav-item[current]")).hasCount(1);
        assertThat(page.locator("vaadin-side-nav-item[current]")).containsText("Channels & merchant");

        // Annanow's settings, in its tab: a form generated from its schema; secrets write-only
        page.locator("#provider-tab-annanow").click();
        assertThat(page).hasURL(Pattern.compile(".*/admin/channels/" + slug + "\\?provider=annanow$"));
        assertThat(page.getByText("Annanow in channel " + slug + " (not configured)")).isVisible();
        page.locator("#setting-instance input").fill("it");
        page.locator("#setting-apiSecret input").fill(secret);
        page.locator("#setting-apiBaseUrl input").fill("ftp://annanow.example");
        page.locator("#setting-confirmByRefetch input").uncheck();
        assertFalse(page.locator("#setting-confirmByRefetch input").isChecked());
        page.locator("#save-provider-settings").click();
        assertThat(page.locator("#setting-apiBaseUrl")).hasAttribute("invalid", "");
        assertThat(page.locator("#setting-apiBaseUrl [slot=error-message]")).containsText("absolute http(s) URL");
        page.locator("#setting-apiBaseUrl input").fill("");
        page.locator("#save-provider-settings").click();
        assertThat(page.getByText("Annanow in channel " + slug, new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.locator("#setting-apiSecret input")).hasValue("");
        assertTrue(page.locator("#setting-apiSecret input").getAttribute("placeholder").startsWith("stored ••••"),
            page.locator("#setting-apiSecret input").getAttribute("placeholder"));
        assertFalse(page.content().contains(secret), "the secret never reaches the browser");
        String notificationUrl = page.locator("#notification-url input").inputValue();
        JsonObject viaApi = Json.createReader(new StringReader(api("GET", "channels/" + slug + "/providers/annanow", null).body()))
            .readObject();
        assertEquals(viaApi.getString("notificationUrl").replaceAll("^https?://[^/]+", ""),
            notificationUrl.replaceAll("^https?://[^/]+", ""));
        assertFalse(viaApi.getJsonObject("settings").getBoolean("confirmByRefetch"));
        shot(page, "channels.png");

        // the list selects no channel; the channel's page (its URL) opens on a provider's tab, the one its URL names if
        // any; a click on the selected tab keeps it
        page.navigate(app() + "admin/channels");
        assertThat(page.getByText("Select a channel to configure its providers.")).isVisible();
        assertThat(page.locator("#channels-grid tr[selected]")).hasCount(0);
        page.navigate(app() + "admin/channels/" + slug);
        Locator providerTitle = page.locator("#provider-pane h3");
        assertThat(providerTitle).containsText(" in channel " + slug);
        page.locator("#provider-tabs vaadin-tab[selected]").click();
        assertThat(page.locator("#provider-tabs vaadin-tab[selected]")).hasCount(1);
        assertThat(providerTitle).containsText(" in channel " + slug);
        assertThat(page.getByText("Select a channel to configure its providers.")).hasCount(0);
        page.navigate(app() + "admin/channels/" + slug + "?provider=annanow");
        assertThat(providerTitle).hasText("Annanow in channel " + slug);
        assertThat(page.locator("#provider-tab-annanow")).hasAttribute("selected", "");

        // a payment notification to that URL makes a transaction, which the transactions view shows with its timeline
        String reference = "order-" + RUN;
        HttpResponse<String> notified = http.send(HttpRequest.newBuilder(URI.create(notificationUrl.replaceAll("^https?://[^/]+",
                "http://127.0.0.1:" + deploymentUrl.getPort())))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("""
                {"transaction": {"id": %d, "status": "confirmed", "amount": 5000, "referenceId": "%s",
                  "time": "2024-05-01T10:00:00+02:00", "invoice": {"currency": "CHF", "paymentRequestId": 91}}}"""
                .formatted(Long.parseLong(RUN, 36), reference))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, notified.statusCode(), notified.body());
        for (int wait = 0; wait < 50 && Json.createReader(new StringReader(api("GET", "transactions?channel=" + slug, null).body()))
                .readObject().getJsonArray("items").isEmpty(); wait++) {
            Thread.sleep(200);
        }

        page.navigate(app() + "admin/transactions");
        page.locator("#filter-channel input").fill(slug);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("IT channel " + RUN + " (" + slug + ")")).click();
        Locator row = page.locator("#transactions-grid vaadin-grid-cell-content")
            .getByText(reference, new Locator.GetByTextOptions().setExact(true)).filter(new Locator.FilterOptions().setVisible(true));
        assertThat(row).hasCount(1);
        shot(page, "transactions.png");
        // opened by its id through the URL, not by a click on a (recycled) grid cell
        String transactionId = Json.createReader(new StringReader(api("GET", "transactions?channel=" + slug, null).body()))
            .readObject().getJsonArray("items").getJsonObject(0).getString("id");
        page.navigate(app() + "admin/transactions/" + transactionId);
        assertThat(page.locator("#detail-transaction-id")).hasText(transactionId);
        assertThat(page.locator("#transaction-amounts")).containsText("charged 50.00");
        assertThat(page.locator("#transaction-timeline vaadin-grid-cell-content").getByText("CHARGE SUCCESS")
            .filter(new Locator.FilterOptions().setVisible(true))).hasCount(1);
        shot(page, "transaction-detail.png");
        page.locator("#filter-channel input").fill(slug);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("IT channel " + RUN + " (" + slug + ")")).click();
        page.locator("#filter-status input").fill("FAILED");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("FAILED").setExact(true)).click();
        assertThat(page.getByText("No transactions match.")).isVisible();

        // the notification itself is in the event log: inbound only, found by Annanow's transaction id (part of its key)
        page.navigate(app() + "admin/event-log");
        page.locator("#filter-direction").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Inbound (provider notifications)").setExact(true))
            .click();
        page.locator("#filter-id input").fill(String.valueOf(Long.parseLong(RUN, 36)));
        Locator inbound = page.locator("#events-grid vaadin-grid-cell-content")
            .getByText("Annanow · " + slug, new Locator.GetByTextOptions().setExact(true))
            .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(inbound).hasCount(1);
        // opened by its id through the URL, not by a click on a (recycled) grid cell
        String notificationId = notificationIdOfChannel(slug);
        page.navigate(app() + "admin/event-log/" + notificationId);
        assertThat(page.locator("#detail-notification-id")).hasText(notificationId);
        assertThat(page.locator("#notification-facts")).containsText("PROCESSED · 1 attempt of 10");
        assertThat(page.locator("#notification-facts")).containsText("Verification: VERIFIED");
        assertThat(page.locator("#notification-transaction")).containsText(transactionId);
        assertThat(page.locator("#notification-body")).containsText("\"referenceId\": \"" + reference + "\"");
        assertThat(page.locator("#notification-replay-note")).containsText("Processed: final.");
        shot(page, "event-log-notification.png");
        page.locator("#notification-transaction a").click();
        assertThat(page).hasURL(app() + "admin/transactions/" + transactionId);
        assertThat(page.locator("#transaction-amounts")).containsText("charged 50.00");

        // the dashboard's chart is server-drawn SVG and counts it
        page.navigate(app() + "admin/");
        assertTrue(page.locator("#activity-chart").getAttribute("src").startsWith("data:image/svg+xml;base64,"));
        assertThat(page.locator("#activity-totals")).containsText(" in the last 14 days (UTC)");
        shot(page, "dashboard.png");

        // an API key is shown once, works, and stops working when revoked
        page.navigate(app() + "admin/channels");
        page.locator("#api-key-label input").fill("IT key " + RUN);
        page.locator("#issue-api-key").click();
        String issued = page.locator("#issued-api-key input").inputValue();
        assertTrue(issued.startsWith("phk_"), issued);
        page.locator("#issued-api-key-close").click();
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(app() + "api/v1/webhooks"))
            .header("Authorization", "Bearer " + issued).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertFalse(page.content().contains(issued), "the key is not shown again");
        page.locator("#api-keys-grid vaadin-grid-cell-content").getByText("IT key " + RUN, new Locator.GetByTextOptions().setExact(true))
            .waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke IT key " + RUN).setExact(true)).click();
        awaitDestructiveConfirm(page, "Revoke API key “IT key " + RUN + "”?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke").setExact(true)).click();
        assertThat(page.locator("#api-keys-grid vaadin-grid-cell-content").getByText(Pattern.compile("^revoked ")).first())
            .isVisible();
        // this key's own row: on the database the ITs share, the key ManagementApiIT revoked satisfies the line above
        // before the revocation has reached the server (CI: the key still answered 200)
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke IT key " + RUN).setExact(true)))
            .isDisabled();
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(app() + "api/v1/webhooks"))
            .header("Authorization", "Bearer " + issued).build(), HttpResponse.BodyHandlers.ofString()).statusCode());

        // every change is in the audit trail, with who did it and without the secret
        page.navigate(app() + "admin/audit");
        Locator audit = page.locator("#audit-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setVisible(true));
        assertThat(audit.getByText("channel " + slug + " / Annanow", new Locator.GetByTextOptions().setExact(true))).hasCount(1);
        assertThat(audit.getByText("channel " + slug, new Locator.GetByTextOptions().setExact(true))).hasCount(1);
        assertThat(audit.getByText("api-key.revoked", new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
        // newest first: this run's provider configuration is the first such entry (an earlier run's may follow)
        assertThat(audit.getByText("settings changed: instance, authMode, confirmByRefetch; secrets replaced: apiSecret",
            new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
        assertFalse(page.content().contains(secret));
        shot(page, "audit-trail.png");
    }

    @Test
    void administratorsAddDisableAndResetStaffAndViewersOnlyLook() throws Exception {
        Page page = signedInPage();
        String viewer = "viewer-" + RUN;
        page.navigate(app() + "admin/staff");
        page.locator("#staff-username input").fill(viewer);
        page.locator("#add-staff").click();
        confirmSecondFactorIfAsked(page, "#temporary-password");
        String password = page.locator("#temporary-password input").inputValue();
        assertEquals(20, password.length());
        page.locator("#temporary-password-close").click();
        assertThat(page.locator("#staff-grid vaadin-grid-cell-content").getByText(viewer, new Locator.GetByTextOptions().setExact(true)))
            .isVisible();

        try (BrowserContext context = watched(browser.newContext()); Page other = context.newPage()) {
            other.navigate(app() + "admin/");
            signInWithPassword(other, viewer, password);
            try {
                assertThat(other.getByText("Signed in as " + viewer + ".")).isVisible();
            } catch (AssertionError notSignedIn) {
                shot(other, "failed-viewer-sign-in.png");
                throw notSignedIn;
            }
            other.navigate(app() + "admin/staff");
            assertThat(other.getByText("Only administrators manage staff users.")).isVisible();

            // disabled while signed in: the next navigation signs the viewer out
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable " + viewer).setExact(true)).click();
            awaitDestructiveConfirm(page, "Disable " + viewer + "?");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable").setExact(true)).click();
            confirmSecondFactorIfAsked(page, "vaadin-button[aria-label='Enable " + viewer + "']");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enable " + viewer).setExact(true)).waitFor();
            shot(page, "staff.png");
            other.navigate(app() + "admin/transactions");
            assertThat(other).hasURL(Pattern.compile(".*/admin/login.*"));
            assertThat(other.locator("input[name=username]")).isVisible();
        }
        try (BrowserContext context = watched(browser.newContext()); Page other = context.newPage()) {
            other.navigate(app() + "admin/login");
            signInWithPassword(other, viewer, password);
            awaitLoginAnswer(other);
            assertThat(other.locator("vaadin-login-form-wrapper [part=error-message-title]")).hasText("Incorrect username or password");
        }
        page.navigate(app() + "admin/audit");
        assertThat(page.locator("#audit-grid vaadin-grid-cell-content").getByText("staff user " + viewer,
            new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
    }

    @Test
    void anAdministratorSignedInWithPasswordOnlyCannotAddStaffUntilASecondFactorCode() throws Exception {
        signedInPage(); // the administrator has a second factor enrolled
        String wanted = "pwonly-" + RUN;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
             Page page = context.newPage()) {
            page.navigate(app() + "admin/");
            signInWithPassword(page, "admin", ADMIN_PASSWORD);
            assertThat(page.getByText("Signed in as admin.")).isVisible();
            page.navigate(app() + "admin/staff");
            page.locator("#staff-username input").fill(wanted);
            page.locator("#staff-role").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile("^Administrator"))).click();
            page.locator("#add-staff").click();

            assertThat(page.locator("#fresh-second-factor-code")).isVisible();
            assertFalse(page.locator("#temporary-password").isVisible());
            page.locator("#fresh-second-factor-cancel").click();
            assertThat(page.locator("#fresh-second-factor-code")).not().isVisible();

            // nothing was added, and the refusal is in the audit trail
            page.navigate(app() + "admin/staff");
            assertThat(page.locator("#staff-grid")).isVisible();
            assertThat(page.locator("#staff-grid vaadin-grid-cell-content").getByText(wanted,
                new Locator.GetByTextOptions().setExact(true))).hasCount(0);
            page.navigate(app() + "admin/audit");
            assertThat(page.locator("#audit-grid vaadin-grid-cell-content").getByText("staff.refused",
                new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
            assertThat(page.locator("#audit-grid vaadin-grid-cell-content").getByText("staff user " + wanted,
                new Locator.GetByTextOptions().setExact(true)).first()).isVisible();

            // with a fresh code the same session adds the user
            page.navigate(app() + "admin/staff");
            page.locator("#staff-username input").fill(wanted);
            page.locator("#add-staff").click();
            page.locator("#fresh-second-factor-code input").fill(nextCode());
            page.locator("#fresh-second-factor-confirm").click();
            assertEquals(20, page.locator("#temporary-password input").inputValue().length());
        }
    }

    /** Picks {@code option} in the header's merchant switcher; the page reloads for that merchant. */
    static void switchMerchant(Page page, String option) {
        page.locator("#merchant-switcher").click();
        Locator choice = page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true));
        page.waitForNavigation(choice::click); // the reload, before anything else navigates
        assertThat(page.locator("#merchant-switcher vaadin-select-value-button")).hasText(option);
    }

    @Test
    void anOperatorAddsAMerchantKeysItSwitchesToItAndBackAndItsStaffSeeNoSwitcher() throws Exception {
        Page page = signedInPage();
        String shop = "IT shop " + RUN;
        page.navigate(app() + "admin/merchants");
        assertThat(page.locator("#merchants-grid")).isVisible();
        String installation = page.locator("#merchant-switcher vaadin-select-value-button").textContent().trim();
        assertFalse(installation.isEmpty(), "an operator sees whom the console acts for");

        page.locator("#merchant-name input").fill(shop);
        page.locator("#add-merchant").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue API key for " + shop).setExact(true)).click();
        page.locator("#merchant-key-label input").fill("IT backend");
        page.locator("#merchant-key-issue").click();
        String key = page.locator("#issued-merchant-key input").inputValue();
        assertTrue(key.startsWith("phk_"), key);
        assertThat(page.locator("#issued-merchant-key-copy")).isVisible();
        assertThat(page.getByText("API key for " + shop, new Page.GetByTextOptions().setExact(true))).isHidden();
        shot(page, "merchant-key.png");
        page.locator("#issued-merchant-key-close").click();
        HttpResponse<String> keyed = http.send(HttpRequest.newBuilder(URI.create(app() + "api/v1/webhooks"))
            .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + key).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, keyed.statusCode(), keyed.body());
        assertEquals("[]", keyed.body().replaceAll("\\s", ""), "the new merchant's key sees its own (no) webhooks");

        // the merchant's own Saleor: a bad URL is named at the field, a good one is listed and removed again
        String saleorUrl = "http://127.0.0.2:1/graphql-" + RUN + "/";
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Saleor URLs of " + shop).setExact(true)).click();
        assertThat(page.getByText("None assigned", new Page.GetByTextOptions().setExact(false))).isVisible();
        page.locator("#saleor-url input").fill("shop.example/graphql/");
        page.locator("#saleor-url-assign").click();
        assertThat(page.locator("#saleor-url")).hasAttribute("invalid", "");
        assertThat(page.locator("#saleor-url [slot=error-message]")).containsText("absolute http(s) URL");
        page.locator("#saleor-url input").fill(saleorUrl);
        page.locator("#saleor-url-assign").click();
        assertThat(page.locator("#saleor-urls").getByText(saleorUrl, new Locator.GetByTextOptions().setExact(true))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + saleorUrl).setExact(true)).click();
        assertThat(page.locator("#saleor-urls").getByText(saleorUrl, new Locator.GetByTextOptions().setExact(true))).isHidden();
        page.locator("#saleor-urls-close").click();

        try {
            switchMerchant(page, shop);
            page.navigate(app() + "admin/webhooks");
            assertThat(page.locator("#webhooks-empty")).isVisible();
            assertThat(page.locator("#merchant-switcher vaadin-select-value-button")).hasText(shop);
            shot(page, "merchant-switched.png");

            // a member of the new merchant, added while acting for it
            page.navigate(app() + "admin/staff");
            String clerk = "clerk-" + RUN;
            page.locator("#staff-username input").fill(clerk);
            assertThat(page.locator("#staff-belongs-to vaadin-select-value-button")).hasText(shop);
            page.locator("#add-staff").click();
            confirmSecondFactorIfAsked(page, "#temporary-password");
            String password = page.locator("#temporary-password input").inputValue();
            page.locator("#temporary-password-close").click();

            try (BrowserContext context = watched(browser.newContext()); Page other = context.newPage()) {
                other.navigate(app() + "admin/");
                signInWithPassword(other, clerk, password);
                assertThat(other.getByText("Signed in as " + clerk + ".")).isVisible();
                assertThat(other.locator("#merchant-switcher")).isHidden();
                assertThat(other.locator("vaadin-side-nav-item").getByText("Merchants", new Locator.GetByTextOptions()
                    .setExact(true))).isHidden();
                other.navigate(app() + "admin/merchants");
                assertThat(other.getByText("Only operators manage merchants.")).isVisible();
                assertThat(other.locator("#merchants-grid")).hasCount(0);
                assertThat(other.locator("#add-merchant")).hasCount(0);
            }
        } finally {
            page.navigate(app() + "admin/merchants");
            if (!installation.equals(page.locator("#merchant-switcher vaadin-select-value-button").textContent().trim())) {
                switchMerchant(page, installation);
            }
        }
        page.navigate(app() + "admin/merchants");
        assertThat(page.locator("#merchant-switcher vaadin-select-value-button")).hasText(installation);

        // disabling asks first, and the merchant's key is refused from then on
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable " + shop).setExact(true)).click();
        awaitDestructiveConfirm(page, "Disable " + shop + "?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enable " + shop).setExact(true)).waitFor();
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(app() + "api/v1/webhooks"))
            .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + key).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertTrue(refused.statusCode() == 401 || refused.statusCode() == 403, refused.statusCode() + " " + refused.body());
        shot(page, "merchants.png");
    }

    @Test
    void aViewerSeesWebhooksReadOnlyWithNoSignatureKeyOrChangeActions() throws Exception {
        String label = "IT viewed " + RUN;
        HttpResponse<String> created = api("POST", "webhooks", "{\"label\": \"" + label + "\", \"url\": \"" + hookUrl("/viewed")
            + "\", \"events\": [\"transaction.sale.success\"], \"authentication\": {\"type\": \"BASIC\", \"username\": \"shop\", "
            + "\"password\": \"viewed-password-1\"}, \"signature\": {\"type\": \"SIGNATURE_KEY\"}}");
        assertEquals(201, created.statusCode(), created.body());
        String slug = "viewed-" + RUN;
        HttpResponse<String> opened = api("POST", "channels", "{\"slug\": \"" + slug + "\", \"name\": \"IT viewed " + RUN
            + "\", \"currency\": \"JPY\", \"country\": \"JP\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        HttpResponse<String> adyen = api("PUT", "channels/" + slug + "/providers/adyen", """
            {"apiKey": "AQE-viewed-api-key-9876", "merchantAccount": "ShopJP", "clientKey": "test_CK",
             "hmacKeys": ["44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056",
                          "55782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BB0D1"],
             "notificationUsername": "adyen", "notificationPassword": "notification-password-5555"}""");
        assertEquals(200, adyen.statusCode(), adyen.body());
        String viewer = "looker-" + RUN;
        Page page = signedInPage();
        page.navigate(app() + "admin/staff");
        page.locator("#staff-username input").fill(viewer);
        page.locator("#add-staff").click();
        confirmSecondFactorIfAsked(page, "#temporary-password");
        String password = page.locator("#temporary-password input").inputValue();
        page.locator("#temporary-password-close").click();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
             Page other = context.newPage()) {
            other.navigate(app() + "admin/");
            signInWithPassword(other, viewer, password);
            assertThat(other.getByText("Signed in as " + viewer + ".")).isVisible();
            other.navigate(app() + "admin/webhooks");
            // the viewer's own second factor, enrolled here (its key is not the administrator's stored one)
            assertThat(other.locator("#totp-secret")).isVisible();
            TotpSecret secret = TotpSecret.parse(other.locator("#totp-secret").textContent());
            other.locator("#second-factor-code input").fill(secret.codeAt(TotpSecret.stepAt(Instant.now()), HMAC));
            other.locator("#enable-second-factor").click();
            other.locator("#recovery-codes-saved").click();
            assertThat(other).hasURL(app() + "admin/webhooks");

            assertThat(other.locator("#signature-key")).isDisabled();
            assertThat(other.locator("#add-webhook")).isDisabled();
            assertThat(other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit " + label).setExact(true)))
                .hasCount(0);
            assertThat(other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test event to " + label)
                .setExact(true))).isDisabled();
            assertThat(other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable " + label).setExact(true)))
                .isDisabled();
            other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("View " + label).setExact(true)).click();
            assertThat(other.locator("#webhook-label input")).hasValue(label);
            assertThat(other.locator("#webhook-label")).hasAttribute("readonly", "");
            assertThat(other.locator("#webhook-url")).hasAttribute("readonly", "");
            assertThat(other.locator("#webhook-events")).hasAttribute("readonly", "");
            assertThat(other.locator("#webhook-signature")).hasAttribute("readonly", "");
            assertThat(other.locator("#webhook-authentication")).hasAttribute("readonly", "");
            assertThat(other.locator("#webhook-save")).isHidden();
            assertThat(other.locator("#webhook-delete")).isHidden();
            assertThat(other.locator("#webhook-reset-authentication")).isHidden();
            shot(other, "webhook-viewer.png");
            other.locator("#webhook-close").click();
            assertThat(other.locator("#webhook-url")).isHidden();

            // the channels page: no change and no reveal offered either
            other.navigate(app() + "admin/channels");
            assertThat(other.locator("#open-channel")).isDisabled();
            assertThat(other.locator("#open-signature-key")).isDisabled();
            assertThat(other.locator("#rotate-signature-key")).isDisabled();
            assertThat(other.locator("#issue-api-key")).isDisabled();
            assertThat(other.locator("#api-key-label")).hasAttribute("readonly", "");

            // a channel's provider settings, opened through the URL: read-only, the stored HMAC keys by their masks
            other.navigate(app() + "admin/channels/" + slug);
            assertThat(other.locator("#provider-pane h3")).containsText(" in channel " + slug);
            other.locator("#provider-tab-adyen").click();
            assertThat(other.getByText("Adyen in channel " + slug, new Page.GetByTextOptions().setExact(true))).isVisible();
            assertThat(other.locator("#save-provider-settings")).isDisabled();
            assertThat(other.locator("#remove-provider")).isDisabled();
            assertThat(other.locator("#setting-merchantAccount input")).hasValue("ShopJP");
            assertThat(other.locator("#setting-merchantAccount")).hasAttribute("readonly", "");
            assertThat(other.locator("#setting-apiKey")).hasAttribute("readonly", "");
            assertThat(other.locator("#setting-hmacKeys")).hasAttribute("readonly", "");
            assertThat(other.locator("#setting-hmacKeys textarea")).hasValue("");
            assertThat(other.locator("#setting-hmacKeys-stored")).hasText("Stored: ••••A056 (current), ••••B0D1 (previous)");
            // only the text box masks: its label reads as text
            other.waitForFunction("() => { const f = document.querySelector('#setting-hmacKeys');"
                + " const box = f && f.querySelector('textarea'); const label = f && f.querySelector('[slot=label]');"
                + " return box && label && getComputedStyle(box).webkitTextSecurity === 'disc'"
                + " && getComputedStyle(label).webkitTextSecurity === 'none'; }");
            assertThat(other.locator("#setting-hmacKeys [slot=label]")).hasText("HMAC keys *");
            assertFalse(other.content().contains("44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"),
                "no stored key reaches the browser");
            shot(other, "channel-viewer.png");
        }
        api("DELETE", "webhooks/" + webhookByLabel(label).orElseThrow().getString("id"), null);
    }

    /**
     * Staff actions need a second factor passed in the last 15 minutes: on a long run the signed-in
     * session's code may be older, and the console asks again before it acts.
     */
    static void confirmSecondFactorIfAsked(Page page, String done) throws Exception {
        page.locator(done + ", #fresh-second-factor-code").first().waitFor();
        if (page.locator("#fresh-second-factor-code").isVisible()) {
            page.locator("#fresh-second-factor-code input").fill(nextCode());
            page.locator("#fresh-second-factor-confirm").click();
            page.locator(done).first().waitFor();
        }
    }

    /**
     * A destructive action's confirmation is open with {@code question}, and its Cancel button has
     * the focus (Enter there does not destroy anything).
     */
    static void awaitDestructiveConfirm(Page page, String question) {
        assertThat(page.getByText(question, new Page.GetByTextOptions().setExact(true))).isVisible();
        page.waitForFunction("() => { const f = document.activeElement;"
            + " return f && f.getAttribute('slot') === 'cancel-button' && f.textContent.trim() !== ''; }");
    }

    /** The visible input boxes under {@code scope} with no accessible name (no label, aria-label or aria-labelledby text). */
    static List<?> unnamedInputs(Page page, String scope) {
        return (List<?>) page.evaluate("scope => [...document.querySelectorAll(scope + ' input, ' + scope + ' textarea')]"
            + ".filter(i => i.offsetParent !== null && i.type !== 'hidden')"
            + ".filter(i => !((i.getAttribute('aria-label') || '').trim()"
            + " || (i.getAttribute('aria-labelledby') || '').split(' ').some(id => { const e = document.getElementById(id);"
            + " return e && e.textContent.trim(); })"
            + " || [...(i.labels || [])].some(l => l.textContent.trim())))"
            + ".map(i => i.id || i.outerHTML.slice(0, 120))", scope);
    }

    /** Records each text and disabled state the button {@code selector} shows from now on (see {@link #busySeen}). */
    static void watchBusy(Page page, String selector) {
        page.evaluate("s => { const b = document.querySelector(s); window.busySeen = []; new MutationObserver(() =>"
            + " window.busySeen.push(b.textContent.trim() + (b.hasAttribute('disabled') ? ' (disabled)' : '')))"
            + ".observe(b, {subtree: true, childList: true, characterData: true, attributes: true}); }", selector);
    }

    /** What the button {@link #watchBusy} watches has shown, in order. */
    static List<?> busySeen(Page page) {
        return (List<?>) page.evaluate("() => window.busySeen");
    }

    static void pickEvent(Page page, String type) {
        page.locator("#webhook-events input").fill(type);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(type).setExact(true)).click();
        page.locator("#webhook-events input").press("Tab");
    }

    @Test
    void theEventLogFiltersShowsEveryAttemptAndReplaysOneOrAllMatching() throws Exception {
        String label = "IT log " + RUN;
        HttpResponse<String> created = api("POST", "webhooks", "{\"label\": \"" + label + "\", \"url\": \"" + hookUrl("/log") + "\", "
            + "\"events\": [\"transaction.sale.success\"], \"authentication\": {\"type\": \"NONE\"}, \"signature\": {\"type\": \"NONE\"}}");
        assertEquals(201, created.statusCode(), created.body());
        Page page = signedInPage();
        page.navigate(app() + "admin/webhooks");

        int before = receivedBodies.size();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send test event to " + label).setExact(true)).click();
        try {
            assertThat(page.getByText("Test event queued for “" + label + "”")).isVisible();
        } catch (AssertionError notQueued) {
            shot(page, "failed-send-test-event.png");
            throw notQueued;
        }
        String eventId = eventIdOf(awaitReceived(before + 1));

        page.navigate(app() + "admin/event-log");
        assertThat(page.locator("#events-grid")).isVisible();
        shot(page, "event-log.png");

        // the event opened by its id through the URL, not by a click on a (recycled) grid cell
        page.navigate(app() + "admin/event-log/" + eventId);
        assertThat(page.locator("#detail-event-id")).hasText(eventId);
        // free text on the id: exactly that event
        page.locator("#filter-id input").fill(eventId);
        Locator rows = page.locator("#events-grid vaadin-grid-cell-content")
            .getByText("webhook.test", new Locator.GetByTextOptions().setExact(true))
            .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(rows).hasCount(1);
        assertThat(page.locator("#event-payload")).containsText("\"event_id\": \"" + eventId + "\"");
        // its delivery's attempts as a timeline: the one attempt, answered 200, with its latency
        assertThat(page.locator(".attempts-timeline .attempt-status").getByText("HTTP 200", new Locator.GetByTextOptions().setExact(true))
            .filter(new Locator.FilterOptions().setVisible(true))).hasCount(1);
        assertThat(page.locator(".attempts-timeline .attempt").first()).containsText(Pattern.compile("UTC · HTTP 200 · \\d+ ms"));
        shot(page, "event-detail.png");

        // replay one event: its delivery succeeded, so only "Replay to all" sends it again
        page.locator("#replay-event").click();
        assertThat(page.getByText("Nothing to replay: no delivery of it failed.", new Page.GetByTextOptions().setExact(false)))
            .isVisible();
        page.locator("#replay-event-all").click();
        assertThat(page.getByText("1 delivery queued again.")).isVisible();
        awaitReceived(before + 2);

        // a filter with nothing in it shows the empty state
        page.locator("#filter-id input").fill("");
        page.locator("#filter-type input").fill("settlement.batch.failure");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("settlement.batch.failure").setExact(true)).click();
        // the webhook filter is one of the secondary ones, behind "More filters"
        assertThat(page.locator("#filter-webhook")).isHidden();
        assertThat(page.locator("#more-filters")).hasAttribute("aria-expanded", "false");
        page.locator("#more-filters").click();
        assertThat(page.locator("#more-filters")).hasAttribute("aria-expanded", "true");
        assertThat(page.locator("#more-filters")).hasText("Fewer filters");
        assertEquals(List.of(), unnamedInputs(page, "#event-log-filters"));
        assertThat(page.getByLabel("From (UTC) date", new Page.GetByLabelOptions().setExact(true)).first()).isVisible();
        page.locator("#filter-webhook input").fill(label);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label).setExact(true)).click();
        assertThat(page.getByText("No events match.")).isVisible();
        // folded again, the toggle counts the secondary filter still set
        page.locator("#more-filters").click();
        assertThat(page.locator("#filter-webhook")).isHidden();
        assertThat(page.locator("#more-filters")).hasText("More filters (1)");

        // bulk replay of what the filter matches (this webhook's succeeded deliveries), after a confirmation with the count
        page.locator("#filter-type input").fill("webhook.test");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("webhook.test").setExact(true)).click();
        page.locator("#filter-status").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Succeeded (delivery)").setExact(true)).click();
        assertThat(rows).hasCount(1);
        awaitSucceeded(eventId);
        page.locator("#replay-matching").click();
        assertThat(page.getByText("Replay 1 delivery?")).isVisible();
        shot(page, "event-log-bulk-replay.png");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay 1 delivery").setExact(true)).click();
        assertThat(page.getByText("1 delivery queued again.").last()).isVisible();
        awaitReceived(before + 3);
    }

    /**
     * Two webhooks get two events; one answers 500 until both its deliveries are dead letters.
     * Bulk replay takes only what the grid shows (found by part of an event id, typed in upper
     * case), a single event's replay only its failed webhooks, and the per-webhook replay the
     * chosen one; the grid and the detail show what a replay changed without a reload.
     */
    @Test
    void replaysSendOnlyWhatTheGridShowsOrTheFailedWebhooksAndShowTheirEffectAtOnce() throws Exception {
        String goodPath = "/replay-good-" + RUN;
        String failingPath = "/replay-failing-" + RUN;
        String goodLabel = "IT replay good " + RUN;
        failingPaths.add(failingPath);
        String good = createWebhook(goodLabel, goodPath, "cau.account_closed");
        String failing = createWebhook("IT replay failing " + RUN, failingPath, "cau.account_closed");
        try {
            String first = publish("cau.account_closed");
            String second = publish("cau.account_closed");
            awaitDeliveries(first, java.util.Map.of(good, "SUCCEEDED", failing, "DEAD"));
            awaitDeliveries(second, java.util.Map.of(good, "SUCCEEDED", failing, "DEAD"));
            failingPaths.remove(failingPath);

            Page page = signedInPage();
            page.navigate(app() + "admin/event-log/" + first);
            assertThat(page.locator("#detail-event-id")).hasText(first);
            Locator deadInDetail = page.locator("#event-detail .delivery-header")
                .getByText("DEAD", new Locator.GetByTextOptions().setExact(true));
            assertThat(deadInDetail).hasCount(1);
            assertThat(page.locator("#event-detail .attempts-timeline .attempt-status").getByText("HTTP 500",
                new Locator.GetByTextOptions().setExact(true)).first()).isVisible();

            // part of the id, in upper case, finds exactly that event
            page.locator("#filter-id input").fill(first.substring(8, 30).toUpperCase(java.util.Locale.ROOT));
            Locator rows = page.locator("#events-grid vaadin-grid-cell-content")
                .getByText("cau.account_closed", new Locator.GetByTextOptions().setExact(true))
                .filter(new Locator.FilterOptions().setVisible(true));
            assertThat(rows).hasCount(1);
            Locator deadInGrid = page.locator("#events-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("DEAD")).filter(new Locator.FilterOptions().setVisible(true));
            assertThat(deadInGrid).hasCount(1);

            // bulk replay: the one dead letter of the event shown, not the other event's
            page.locator("#replay-matching").click();
            assertThat(page.getByText("Replay 1 delivery?")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay 1 delivery").setExact(true)).click();
            assertThat(page.getByText("1 delivery queued again.").last()).isVisible();
            assertThat(deadInGrid).hasCount(0);
            assertThat(deadInDetail).hasCount(0);
            awaitDeliveries(first, java.util.Map.of(good, "SUCCEEDED", failing, "SUCCEEDED"));
            assertEquals("DEAD", deliveryStatuses(second).get(failing), "the other event's dead letter is left alone");
            assertEquals(1, receivedOf(failingPath, first));
            assertEquals(1, receivedOf(goodPath, first));

            // one event's replay: only the webhook whose delivery failed
            page.navigate(app() + "admin/event-log/" + second);
            assertThat(page.locator("#detail-event-id")).hasText(second);
            assertThat(deadInDetail).hasCount(1);
            page.locator("#replay-event").click();
            assertThat(page.getByText("1 delivery queued again.").last()).isVisible();
            assertThat(deadInDetail).hasCount(0);
            awaitDeliveries(second, java.util.Map.of(good, "SUCCEEDED", failing, "SUCCEEDED"));
            assertEquals(1, receivedOf(failingPath, second));
            assertEquals(1, receivedOf(goodPath, second), "the webhook that received it does not get it again");

            // one chosen webhook
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay to " + goodLabel).setExact(true)).click();
            assertThat(page.getByText("Queued again for " + goodLabel + ".")).isVisible();
            awaitDeliveries(second, java.util.Map.of(good, "SUCCEEDED", failing, "SUCCEEDED"));
            assertEquals(2, receivedOf(goodPath, second));
            assertEquals(1, receivedOf(failingPath, second));
        } finally {
            failingPaths.remove(failingPath);
            api("DELETE", "webhooks/" + good, null);
            api("DELETE", "webhooks/" + failing, null);
        }
    }

    @Test
    void aWebhooksRowOpensItsPageWithHealthLatestAttemptsTestReplaySinceAndSwitchingOff() throws Exception {
        String path = "/replay-page-" + RUN;
        String label = "IT page " + RUN;
        failingPaths.add(path);
        String id = createWebhook(label, path, "ach.returned");
        try {
            String dead = publish("ach.returned");
            awaitDeliveries(dead, java.util.Map.of(id, "DEAD"));

            Page page = signedInPage();
            page.navigate(app() + "admin/webhooks");
            // its row says it is failing (its newest event went dead)
            assertThat(page.locator("#webhooks-grid vaadin-grid-cell-content")
                .getByText("Failing", new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
            page.locator("#webhooks-grid vaadin-grid-cell-content")
                .getByText(label, new Locator.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator("#webhook-page-title")).hasText(label);
            // a UUID, so no quoting: the pattern runs as a JavaScript regular expression, which has no \Q…\E
            assertThat(page).hasURL(Pattern.compile(".*/admin/webhooks/" + id + "$"));
            assertThat(page.locator("vaadin-side-nav-item[current]")).containsText("Webhooks");
            assertThat(page.locator("#webhook-state")).containsText("Failing since");
            assertThat(page.locator("#webhook-success-rate")).hasText("0.0 %");
            assertThat(page.locator("#webhook-url")).hasText(hookUrl(path));
            assertThat(page.locator("#webhook-attempts-grid vaadin-grid-cell-content").getByText("HTTP 500").first()).isVisible();
            assertThat(page.locator("#webhook-chart .chart-hour")).hasCount(24);
            shot(page, "webhook-page-failing.png");

            // the dashboard counts it (no second factor there, so counts only) and links to the filtered lists
            page.navigate(app() + "admin/");
            assertThat(page.locator("#attention-failing-webhooks")).isVisible();
            assertThat(page.locator("#outbound-chart .chart-hour")).hasCount(24);
            assertThat(page.locator("#inbound-chart .chart-hour")).hasCount(24);
            assertThat(page.locator("#dashboard-charts")).not().hasAttribute("aria-busy", "true");
            assertThat(page.locator("#charts-loading")).hasCount(0);
            shot(page, "dashboard-attention.png");
            page.locator("#attention-dead-letters a").click();
            assertThat(page).hasURL(Pattern.compile(".*/admin/event-log\\?status=DEAD$"));
            assertThat(page.locator("#filter-status")).containsText("Dead");
            page.navigate(app() + "admin/webhooks/" + id);
            assertThat(page.locator("#webhook-page-title")).hasText(label);

            // the receiver is back: replay what died since yesterday, after a confirmation that counts it
            failingPaths.remove(path);
            page.locator("#webhook-replay-dead").click();
            page.locator("#webhook-replay-continue").click();
            assertThat(page.getByText("Replay 1 dead letter?")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay").setExact(true)).click();
            assertThat(page.getByText("1 delivery queued again.").last()).isVisible();
            awaitDeliveries(dead, java.util.Map.of(id, "SUCCEEDED"));
            assertEquals(1, receivedOf(path, dead));
            page.reload();
            assertThat(page.locator("#webhook-state")).hasText("Healthy");
            assertThat(page.locator("#webhook-attempts-grid vaadin-grid-cell-content").getByText("HTTP 200").first()).isVisible();
            shot(page, "webhook-page.png");

            // sending shows a busy state: the button disabled and saying so, then as before
            watchBusy(page, "#webhook-send-test");
            page.locator("#webhook-send-test").click();
            assertThat(page.getByText("Test event queued for “" + label + "”").last()).isVisible();
            assertThat(page.locator("#webhook-send-test")).hasText("Send test");
            assertThat(page.locator("#webhook-send-test")).isEnabled();
            assertTrue(busySeen(page).contains("Sending… (disabled)"), busySeen(page).toString());
            page.locator("#webhook-toggle").click();
            awaitDestructiveConfirm(page, "Disable webhook “" + label + "”?");
            // the dialog's button (the page's own button also reads "Disable")
            page.locator("vaadin-button[slot=confirm-button]").filter(new Locator.FilterOptions().setVisible(true)).click();
            assertThat(page.locator("#webhook-state")).hasText("Disabled: disabled in the admin console");
            page.locator("#webhook-toggle").click();
            assertThat(page.locator("#webhook-state")).not().containsText("Disabled");

            page.navigate(app() + "admin/webhooks/no-such-webhook");
            assertThat(page.locator("#webhook-page-title")).hasText("Webhook not found");

            // the audit trail narrows to who did what to this webhook, and exports exactly that as CSV
            page.navigate(app() + "admin/audit");
            page.locator("#audit-filter-actor input").fill("ADMIN");
            page.locator("#audit-filter-subject input").fill(label);
            page.locator("#audit-filter-action input").fill("webhook.disabled");
            Locator auditRows = page.locator("#audit-grid vaadin-grid-cell-content")
                .getByText("webhook.disabled", new Locator.GetByTextOptions().setExact(true))
                .filter(new Locator.FilterOptions().setVisible(true));
            assertThat(auditRows).hasCount(1);
            // created, disabled, enabled: only once all three filters reached the server does one row of the webhook remain
            // (the fields send their values after a pause; the export is a plain download that does not wait for them)
            Locator webhookRows = page.locator("#audit-grid vaadin-grid-cell-content")
                .getByText("webhook " + label + " (" + id + ")", new Locator.GetByTextOptions().setExact(true))
                .filter(new Locator.FilterOptions().setVisible(true));
            assertThat(webhookRows).hasCount(1);
            watchBusy(page, "#audit-export");
            com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator("#audit-export").click());
            assertThat(page.locator("#audit-export")).isEnabled();
            assertTrue(busySeen(page).contains("Exporting… (disabled)"), busySeen(page).toString());
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            String[] lines = csv.split("\r\n");
            assertEquals("time,actor,via,action,subject,detail", lines[0]);
            assertEquals(2, lines.length, csv);
            assertTrue(lines[1].contains(",webhook.disabled,webhook " + label + " (" + id + "),"), csv);
        } finally {
            failingPaths.remove(path);
            api("DELETE", "webhooks/" + id, null);
        }
    }

    @Test
    void withFourEyesOnABulkReplayWaitsUntilSomeoneElseApprovesIt() throws Exception {
        String path = "/four-eyes-" + RUN;
        failingPaths.add(path);
        String id = createWebhook("IT four-eyes " + RUN, path, "ach.returned");
        try {
            String dead = publish("ach.returned");
            awaitDeliveries(dead, java.util.Map.of(id, "DEAD"));
            failingPaths.remove(path);
            HttpResponse<String> on = api("PUT", "merchant", "{\"approvalThresholds\": {\"bulkReplay\": 0}}");
            assertEquals(200, on.statusCode(), on.body());

            // the administrator's own replay waits, and they cannot approve it themself
            Page page = signedInPage();
            page.navigate(app() + "admin/webhooks/" + id);
            page.locator("#webhook-replay-dead").click();
            page.locator("#webhook-replay-continue").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay").setExact(true)).click();
            assertThat(page.getByText(Pattern.compile("^Waiting for approval: 1 deliveries")).last()).isVisible();
            page.navigate(app() + "admin/approvals");
            assertThat(page.locator("#four-eyes-policy")).containsText("on above 0 deliveries");
            assertThat(page.locator("vaadin-button.approve-request").first()).isDisabled();

            // one asked for through the API: the administrator is the second person
            HttpResponse<String> held = api("POST", "replays", "{\"subscription\": \"" + id + "\"}");
            assertEquals(202, held.statusCode(), held.body());
            String requestId = Json.createReader(new StringReader(held.body())).readObject().getJsonObject("approvalRequest")
                .getString("id");
            page.reload();
            page.locator("vaadin-button.approve-request:not([disabled])").first().click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve and replay").setExact(true)).click();
            assertThat(page.getByText("Approved: the replay runs.").last()).isVisible();
            shot(page, "approvals.png");
            awaitDeliveries(dead, java.util.Map.of(id, "SUCCEEDED"));

            HttpResponse<String> listed = api("GET", "approvals", null);
            JsonObject decided = Json.createReader(new StringReader(listed.body())).readArray().getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getString("id").equals(requestId)).findFirst().orElseThrow();
            assertEquals("APPROVED", decided.getString("status"));
            assertEquals("admin", decided.getString("decidedBy"));
            page.navigate(app() + "admin/audit");
            assertThat(page.locator("#audit-grid vaadin-grid-cell-content")
                .getByText("approval.approved", new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
        } finally {
            failingPaths.remove(path);
            api("PUT", "merchant", "{\"approvalThresholds\": null}");
            api("DELETE", "webhooks/" + id, null);
        }
    }

    /** The admin pages ask for nothing that is not there (no nameless theme's stylesheet), and Lumo still styles them. */
    @Test
    void adminPagesLoadWithoutMissingResourcesAndInTheLumoTheme() throws Exception {
        Page signedInPage = signedInPage();
        List<String> missing = new CopyOnWriteArrayList<>();
        com.microsoft.playwright.BrowserContext context = signedInPage.context();
        java.util.function.Consumer<com.microsoft.playwright.Response> watch = response -> {
            if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
                missing.add(response.status() + " " + response.url());
            }
        };
        context.onResponse(watch);
        try (BrowserContext fresh = watched(browser.newContext()); Page login = fresh.newPage()) {
            fresh.onResponse(watch);
            login.navigate(app() + "admin/login");
            assertThat(login.locator("vaadin-login-form")).isVisible();
            login.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);

            signedInPage.navigate(app() + "admin/event-log");
            assertThat(signedInPage.locator("#events-grid")).isVisible();
            signedInPage.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);

            assertEquals(List.of(), missing);
            for (Page page : List.of(login, signedInPage)) {
                String primary = (String) page.evaluate(
                    "() => getComputedStyle(document.documentElement).getPropertyValue('--lumo-primary-color').trim()");
                assertFalse(primary.isEmpty(), "Lumo's custom properties are set on " + page.url());
            }
        } finally {
            context.offResponse(watch);
        }
    }

    /**
     * In sandbox mode, with no public URL set, a channel without an API base URL tests its NP
     * credentials against the hub's own NP simulator, at the port the server runs on (here a
     * random one).
     */
    @Test
    void npAtobaraiCredentialsAreTestedAgainstTheSandboxSimulatorAtTheServersPort() throws Exception {
        String slug = "np-" + RUN;
        HttpResponse<String> opened = api("POST", "channels", "{\"slug\": \"" + slug + "\", \"name\": \"IT NP " + RUN
            + "\", \"currency\": \"JPY\", \"country\": \"JP\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        Page page = signedInPage();
        page.navigate(app() + "admin/channels/" + slug);
        assertThat(page.locator("#provider-pane h3")).containsText(" in channel " + slug);
        page.locator("#provider-tab-np-atobarai").click();
        assertThat(page.getByText("NP Atobarai in channel " + slug + " (not configured)")).isVisible();
        page.locator("#setting-merchantCode input").fill("merchant-" + RUN);
        page.locator("#setting-secretSpCode input").fill("sp-secret-" + RUN);
        page.locator("#setting-terminalId input").fill("terminal-" + RUN);
        page.locator("#setting-shippingCompanyCode input").fill("50000");
        watchBusy(page, "#test-credentials");
        page.locator("#test-credentials").click();
        assertThat(page.locator("#credentials-result")).containsText("NP Atobarai accepted the credentials (terminal terminal-"
            + RUN + " at http://127.0.0.1:" + deploymentUrl.getPort() + "/sandbox/np-atobarai/v1/)");
        assertTrue(busySeen(page).contains("Testing… (disabled)"), busySeen(page).toString());
        assertThat(page.locator("#test-credentials")).isEnabled();
    }

    String createWebhook(String label, String path, String eventType) throws Exception {
        HttpResponse<String> created = api("POST", "webhooks", "{\"label\": \"" + label + "\", \"url\": \"" + hookUrl(path)
            + "\", \"events\": [\"" + eventType + "\"], \"authentication\": {\"type\": \"NONE\"}, "
            + "\"signature\": {\"type\": \"NONE\"}}");
        assertEquals(201, created.statusCode(), created.body());
        return Json.createReader(new StringReader(created.body())).readObject().getString("id");
    }

    String publish(String eventType) throws Exception {
        HttpResponse<String> published = api("POST", "events", "{\"event_type\": \"" + eventType + "\", \"object\": {\"run\": \""
            + RUN + "\"}}");
        assertEquals(202, published.statusCode(), published.body());
        return Json.createReader(new StringReader(published.body())).readObject().getString("event_id");
    }

    /** The status of each of the event's deliveries, by webhook id. */
    java.util.Map<String, String> deliveryStatuses(String eventId) throws Exception {
        JsonObject event = Json.createReader(new StringReader(api("GET", "events/" + eventId, null).body())).readObject();
        return event.getJsonArray("deliveries").stream().map(JsonValue::asJsonObject)
            .collect(java.util.stream.Collectors.toMap(d -> d.getString("subscription_id"), d -> d.getString("status")));
    }

    /** Waits until the event's deliveries to these webhooks have these statuses (a dead letter takes the whole retry schedule). */
    void awaitDeliveries(String eventId, java.util.Map<String, String> expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        java.util.Map<String, String> seen = java.util.Map.of();
        while (System.nanoTime() < deadline) {
            java.util.Map<String, String> all = deliveryStatuses(eventId);
            seen = all.entrySet().stream().filter(e -> expected.containsKey(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
            if (seen.equals(expected)) {
                return;
            }
            Thread.sleep(250);
        }
        fail("event " + eventId + ": deliveries " + seen + ", expected " + expected);
    }

    /** How many times the webhook at this path answered 200 to this event. */
    static long receivedOf(String path, String eventId) {
        return replayReceived.getOrDefault(path, List.of()).stream().filter(body -> eventIdOf(body).equals(eventId)).count();
    }

    String awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (receivedBodies.size() < count) {
            if (System.nanoTime() > deadline) {
                fail("the receiver got " + receivedBodies.size() + " deliveries, expected " + count);
            }
            Thread.sleep(100);
        }
        return receivedBodies.get(count - 1);
    }

    /** Waits until the event's deliveries are all done (the replayed one finished again). */
    void awaitSucceeded(String eventId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String body = api("GET", "events/" + eventId, null).body();
            if (body.contains("\"status\":\"SUCCEEDED\"") && !body.contains("\"status\":\"PENDING\"")) {
                return;
            }
            Thread.sleep(200);
        }
        fail("event " + eventId + " did not finish delivering");
    }

    static String eventIdOf(String body) {
        Matcher m = Pattern.compile("\"event_id\"\\s*:\\s*\"([0-9a-f]{64})\"").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }
}
