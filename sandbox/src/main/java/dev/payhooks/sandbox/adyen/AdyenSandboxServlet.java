package dev.payhooks.sandbox.adyen;

import dev.payhooks.application.port.UnitOfWork;
import dev.payhooks.domain.merchant.Channel;
import dev.payhooks.domain.merchant.Channels;
import dev.payhooks.domain.merchant.Merchant;
import dev.payhooks.domain.merchant.Merchants;
import dev.payhooks.domain.merchant.ProviderSettings;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.port.Secrets;
import dev.payhooks.domain.provider.ProviderConfiguration;
import dev.payhooks.adapters.api.HubMode;
import dev.payhooks.sandbox.Simulators;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Adyen simulator ({@link AdyenSimulator}) at {@code /sandbox/adyen/…} (an optional API
 * version segment such as {@code v71/} is ignored), served only when {@code payhooks.mode=sandbox};
 * in production mode every path is 404. Notifications go to the hub over HTTP, to the address the
 * hub used to reach the simulator ({@code /api/notifications/adyen/{endpointKey}}), about half a
 * second after the modification was answered, as Adyen's do.
 */
@WebServlet(urlPatterns = "/sandbox/adyen/*")
public class AdyenSandboxServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(AdyenSandboxServlet.class.getName());
    static final Duration NOTIFICATION_DELAY = Duration.ofMillis(500);

    @Inject
    HubMode mode;

    @Inject
    Merchants merchants;

    @Inject
    Channels channels;

    @Inject
    Secrets secrets;

    @Inject
    UnitOfWork units;

    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile AdyenSimulator simulator;
    /** Where the hub reached the simulator: the same address reaches its notification endpoint. */
    private volatile String hubBase;

    @Override
    public void init() {
        simulator = new AdyenSimulator(this::accounts, this::notifyHub, clock);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> body = Simulators.body(mode, request, response);
        if (body.isEmpty()) {
            return;
        }
        hubBase = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
            + request.getContextPath() + "/";
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "")
            .replaceFirst("^v\\d+/", "");
        AdyenSimulator.Answer answer = simulator.handle(request.getMethod(), path, request.getHeader("X-API-Key"),
            body.get());
        Simulators.answer(response, answer.status(), answer.body());
    }

    private List<AdyenSimulator.Account> accounts(String merchantAccount) {
        return units.inNewTransaction(() -> {
            List<AdyenSimulator.Account> found = new ArrayList<>();
            for (Merchant merchant : merchants.all()) {
                for (Channel channel : channels.ofMerchant(merchant.id())) {
                    Optional<ProviderSettings> settings = channel.provider(ProviderId.ADYEN);
                    if (settings.isEmpty() || settings.get().endpointKey().isEmpty()) {
                        continue;
                    }
                    ProviderConfiguration configuration = new ProviderConfiguration(settings.get(), secrets);
                    Optional<String> apiKey = configuration.secret("apiKey");
                    List<String> hmacKeys = configuration.secretList("hmacKeys");
                    if (!configuration.value("merchantAccount").orElse("").equals(merchantAccount) || apiKey.isEmpty()
                        || hmacKeys.isEmpty()) {
                        continue;
                    }
                    found.add(new AdyenSimulator.Account(merchant.id(), channel.slug(), settings.get().endpointKey().get(),
                        apiKey.get(), merchantAccount, hmacKeys.get(0), configuration.value("notificationUsername"),
                        configuration.secret("notificationPassword")));
                }
            }
            return found;
        });
    }

    private void notifyHub(AdyenSimulator.Account account, String batch) {
        URI target = URI.create(hubBase + "api/notifications/adyen/" + account.endpointKey());
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Adyen HttpClient (Payhooks sandbox)")
            .POST(HttpRequest.BodyPublishers.ofString(batch, StandardCharsets.UTF_8));
        if (account.username().isPresent() && account.password().isPresent()) {
            request.header("Authorization", Simulators.basicAuthorization(account.username().get(), account.password().get()));
        }
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(NOTIFICATION_DELAY.toMillis(),
                TimeUnit.MILLISECONDS))
            .thenCompose(ignored -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()))
            .whenComplete((response, failure) -> {
                if (failure != null) {
                    LOG.log(Level.WARNING, "Adyen simulator: a notification to the hub failed", failure);
                } else if (response.statusCode() != 200) {
                    LOG.warning("Adyen simulator: the hub answered " + response.statusCode() + " to a notification");
                }
            });
    }
}
