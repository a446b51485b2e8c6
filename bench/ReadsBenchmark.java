import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Liveness probe and authenticated management reads against the bound the same server sets: a
 * static 404 (Payara's error page for a path nothing serves), measured in turns in one run.
 *
 *   bench/run ReadsBenchmark [seconds-per-path=10] [rounds=3] [clients=8]
 *
 * Starts app/target/payhooks.jar as the README does (on a fresh PostgreSQL database
 * {@code payhooks_reads}), opens one channel, then per round runs closed-loop clients, each on a
 * keep-alive HTTP/1.1 connection, against {@code GET /no-such-file.txt}, {@code GET /health/live}
 * and {@code GET /api/v1/channels} with the API key, one after the other. Prints requests/s, the
 * server's CPU per request and each path's ratio to the 404 rate of the same round.
 */
public class ReadsBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;

        String dbUrl = Bench.freshPostgres("payhooks_reads");
        Path work = Files.createTempDirectory("payhooks-reads");
        var http = Bench.client();
        long startedAt = System.nanoTime();
        Bench.Server server = Bench.start(work, Bench.freePort(), Map.of("PAYHOOKS_DB_URL", dbUrl));
        try {
            double ready = Bench.awaitReady(http, server, startedAt);
            System.out.printf("server ready after %.1f s, RSS %.0f MiB; %d clients, %d s per path, %d round(s)%n",
                ready, server.rssMiB(), clients, seconds, rounds);
            Bench.manage(http, server, "POST", "channels", "{\"slug\": \"bench-reads\", \"name\": \"Bench\", \"currency\": \"EUR\", "
                + "\"country\": \"NL\"}");
            String bearer = "Authorization: Bearer " + Bench.KEY + "\r\n";
            for (int round = 0; round <= rounds; round++) {
                // round 0 warms the JIT on every path and is not reported
                int length = round == 0 ? Math.max(3, seconds / 2) : seconds;
                double[] notFound = run(server, "/no-such-file.txt", "", 404, clients, length);
                double[] live = run(server, "/health/live", "", 200, clients, length);
                double[] channels = run(server, "/api/v1/channels", bearer, 200, clients, length);
                if (round > 0) {
                    System.out.printf("round %d: 404 %,.0f /s (%.2f ms CPU each); /health/live %,.0f /s (%.2f ms), live/404 %.2f; "
                            + "channels %,.0f /s (%.2f ms), channels/404 %.2f%n",
                        round, notFound[0], notFound[1], live[0], live[1], live[0] / notFound[0], channels[0], channels[1],
                        channels[0] / notFound[0]);
                }
            }
            System.out.printf("RSS after the reads: %.0f MiB%n", server.rssMiB());
        } finally {
            server.stop();
        }
        System.exit(0);
    }

    /** Closed-loop GETs on keep-alive connections; returns {requests/s, server CPU ms per request}. */
    static double[] run(Bench.Server server, String path, String headers, int expected, int clients, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicLong counted = new AtomicLong();
        AtomicLong unexpected = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n" + headers + "\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                Socket socket = null;
                try {
                    while (!stop.get()) {
                        if (socket == null) {
                            socket = new Socket("127.0.0.1", server.port());
                            socket.setTcpNoDelay(true);
                        }
                        int status;
                        try {
                            OutputStream out = socket.getOutputStream();
                            out.write(request);
                            out.flush();
                            status = Bench.readAnswer(socket.getInputStream(), false).status();
                        } catch (IOException closed) {
                            // the server closes a keep-alive connection after a number of requests
                            socket.close();
                            socket = null;
                            continue;
                        }
                        if (status != expected) {
                            unexpected.incrementAndGet();
                        } else if (measuring.get()) {
                            counted.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    unexpected.incrementAndGet();
                } finally {
                    try {
                        if (socket != null) {
                            socket.close();
                        }
                    } catch (IOException ignored) {
                        // closing
                    }
                    done.countDown();
                }
            }, "reads-" + c);
            client.start();
        }
        Thread.sleep(500);
        long cpuBefore = Bench.cpuTicks(server.pid());
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        long elapsed = System.nanoTime() - start;
        long cpuAfter = Bench.cpuTicks(server.pid());
        stop.set(true);
        done.await(30, TimeUnit.SECONDS);
        if (unexpected.get() > 0) {
            throw new IllegalStateException(path + ": " + unexpected.get() + " answers other than " + expected);
        }
        double rate = counted.get() / (elapsed / 1e9);
        double cpuMs = (cpuAfter - cpuBefore) * 10.0 / Math.max(1, counted.get());
        return new double[] {rate, cpuMs};
    }

    private ReadsBenchmark() {
    }
}
