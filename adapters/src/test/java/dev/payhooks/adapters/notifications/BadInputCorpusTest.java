package dev.payhooks.adapters.notifications;

import dev.payhooks.domain.payment.PaymentTransaction;
import dev.payhooks.domain.payment.ProviderId;
import dev.payhooks.domain.payment.TransactionSnapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static dev.payhooks.adapters.notifications.PipelineFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every case of the bad-input corpus through the whole pipeline (endpoint → store → verify →
 * decode → apply) on a hub that already holds a Walley and an Annanow payment: each gets its
 * expected status, never a 5xx, every error is JSON, and no transaction or outbound event changes.
 */
class BadInputCorpusTest {

    static List<Path> corpus() throws IOException, URISyntaxException {
        Path root = Paths.get(BadInputCorpusTest.class.getResource("/bad-input").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".http")).sorted().toList();
        }
    }

    @Test
    void theCorpusHasAtLeast150CasesAcrossTheProviders() throws Exception {
        List<CorpusCase> cases = corpus().stream().map(CorpusCase::read).toList();
        assertTrue(cases.size() >= 150, "only " + cases.size() + " cases");
        assertTrue(cases.stream().filter(c -> c.provider().equals("walley")).count() >= 60);
        assertTrue(cases.stream().filter(c -> c.provider().equals("annanow")).count() >= 60);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseIsAnsweredAsExpectedAndChangesNoTransaction() throws Exception {
        return corpus().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            CorpusCase c = CorpusCase.read(file);
            PipelineFixture hub = new PipelineFixture();
            hub.configureWalley(c.walleySignature());
            seedPayments(hub);
            List<TransactionSnapshot> before = hub.allTransactions().stream().map(PaymentTransaction::snapshot).toList();
            int eventsBefore = hub.outboundEvents().size();

            String endpoint = switch (c.endpoint()) {
                case "valid" -> c.provider().equals("walley") || c.provider().equals("annanow")
                    ? hub.endpointKey(ProviderId.fromSlug(c.provider())) : hub.endpointKey(ProviderId.WALLEY);
                case "unknown" -> "unknownendpointkey000000000000000";
                case "other-provider" -> hub.endpointKey(c.provider().equals("walley") ? ProviderId.ANNANOW : ProviderId.WALLEY);
                default -> c.endpoint();
            };
            NotificationEndpoint.Answer answer = hub.post(c.provider(), endpoint,
                c.headers(PipelineFixture.WALLEY_USER, PipelineFixture.WALLEY_PASSWORD, PipelineFixture.WALLEY_HMAC_KEY,
                    hub.clock.instant().getEpochSecond() + 1), c.body());

            assertEquals(c.expectedStatus(), answer.status(), answer.json());
            assertTrue(answer.status() < 500);
            if (answer.status() >= 400) {
                assertTrue(answer.json().startsWith("{\"error\":"), answer.json());
            }
            assertEquals(before, hub.allTransactions().stream().map(PaymentTransaction::snapshot).toList());
            assertEquals(eventsBefore, hub.outboundEvents().size());
        }));
    }

    /** One Walley and one Annanow payment the corpus must not touch. */
    private static void seedPayments(PipelineFixture hub) {
        String walley = """
            {"Type": "walley:order:created", "Payload": {"OrderId": "o-seed", "Reference": "ref-seed", "Amount": 30,
             "Currency": "SEK", "Status": "Authorized"}}""";
        var headers = PipelineFixture.walleyHeaders();
        if (hub.channel().provider(ProviderId.WALLEY).orElseThrow().value("verifySignature").orElse("false").equals("true")) {
            String now = String.valueOf(hub.clock.instant().getEpochSecond() + 1);
            headers.put("Walley-Timestamp", now);
            headers.put("Walley-Signature", java.util.HexFormat.of().formatHex(
                dev.payhooks.adapters.walley.WalleyNotifications.signature(PipelineFixture.WALLEY_HMAC_KEY, now, utf8(walley))));
        }
        assertEquals(200, hub.post(ProviderId.WALLEY, headers, utf8(walley)).status());
        String annanow = "{\"transaction\": {\"id\": 1, \"status\": \"confirmed\", \"amount\": 1000, \"referenceId\": \"ref-seed\","
            + " \"invoice\": {\"currency\": \"CHF\"}}}";
        assertEquals(200, hub.post(ProviderId.ANNANOW, java.util.Map.of("Content-Type", "application/json"), utf8(annanow)).status());
        assertEquals(2, hub.allTransactions().size());
    }
}
