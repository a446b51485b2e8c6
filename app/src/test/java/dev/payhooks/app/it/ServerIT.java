package dev.payhooks.app.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built WAR on Payara Micro, on the test database (H2, or PostgreSQL with
 * PAYHOOKS_TEST_DB_URL): operations endpoints, the API's error bodies, and the admin UI's
 * sign-in in headless Chromium. One class, so Payara starts once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerIT {

    static final String ADMIN_PASSWORD = System.getProperty("payhooks.it.admin.password");
    static final Path SCREENSHOTS = Paths.get(System.getProperty("payhooks.it.screenshots", "target/screenshots"));

    static HttpClient http;
    static Playwright playwright;
    static Browser browser;

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("payhooks.it.war")));
    }

    @BeforeAll
    static void clients() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // the first sign-in renders the console for the first time (seen over 5 s in CI), as in AdminConsoleIT
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(Paths.get(System.getProperty("payhooks.it.chromium", "/usr/bin/chromium")))
            .setHeadless(true)
            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void closeClients() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** The server's root (health, openapi, metrics live there), on loopback. */
    String server() {
        return "http://127.0.0.1:" + deploymentUrl.getPort();
    }

    /** The application's base, ending in "/". */
    String app() {
        String path = deploymentUrl.getPath();
        return server() + (path.endsWith("/") ? path : path + "/");
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    static void signIn(Page page, String username, String password) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }

    @Test
    void readinessChecksTheMigratedDatabase() throws Exception {
        HttpResponse<String> ready = get(server() + "/health/ready");

        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"name\":\"database\",\"status\":\"UP\""), ready.body());
        assertTrue(ready.body().contains("\"schemaVersion\":\"" + latestMigration() + "\""), ready.body());
        String expectedDatabase = System.getProperty("payhooks.it.db.url", "jdbc:h2:").startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";
        assertTrue(ready.body().contains("\"database\":\"" + expectedDatabase + "\""), ready.body());
    }

    /** The highest V{n} among the migration scripts: the version a migrated database must report. */
    static int latestMigration() throws Exception {
        try (var scripts = java.nio.file.Files.list(Paths.get(System.getProperty("payhooks.it.migrations")))) {
            return scripts.map(p -> p.getFileName().toString())
                .filter(name -> name.matches("V\\d+__.+\\.sql"))
                .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                .max().orElseThrow();
        }
    }

    @Test
    void livenessTellsTheMode() throws Exception {
        HttpResponse<String> live = get(server() + "/health/live");

        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().contains("\"mode\":\"sandbox\""), live.body());
    }

    @Test
    void openApiAndMetricsAreServed() throws Exception {
        HttpResponse<String> openapi = get(server() + "/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("title: Payhooks API"), openapi.body());
        for (String path : new String[] {"/api/v1/channels:", "/api/v1/channels/{slug}/providers/{provider}:",
                "/api/v1/transactions:", "/api/v1/api-keys:", "/api/v1/merchant:", "/api/v1/merchants/{id}/saleor-api-urls:"}) {
            assertTrue(openapi.body().contains(path), "OpenAPI describes " + path);
        }

        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(server() + "/metrics"))
            .header("Authorization", "Bearer " + System.getProperty("payhooks.it.metrics.token")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void unknownApiPathsAnswerWithAJsonError() throws Exception {
        HttpResponse<String> missing = get(app() + "api/no-such-thing");

        assertEquals(404, missing.statusCode());
        assertEquals("application/json", missing.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"error\":\"not_found\",\"message\":\"No resource at this path\"}", missing.body());
    }

    @Test
    void signedOutVisitorsLandOnTheLoginPageAndWrongPasswordsAreRefused() {
        try (BrowserContext context = browser.newContext(); Page page = context.newPage()) {
            page.navigate(app() + "admin/");

            assertThat(page).hasURL(app() + "admin/login");
            signIn(page, "admin", "not-the-password");

            assertThat(page.getByText("Incorrect username or password")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("login-refused.png")));
        }
    }

    @Test
    void theAdministratorSignsInAndOut() {
        try (BrowserContext context = browser.newContext(); Page page = context.newPage()) {
            page.navigate(app() + "admin/");
            signIn(page, "admin", ADMIN_PASSWORD);

            assertThat(page.getByText("Signed in as admin.")).isVisible();
            assertThat(page.locator("#mode-badge")).hasText("Sandbox mode");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks"))).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard.png")));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            assertThat(page).hasURL(app() + "admin/login");
            page.navigate(app() + "admin/");
            assertThat(page).hasURL(app() + "admin/login");
        }
    }
}
