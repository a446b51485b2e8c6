package dev.payhooks.adapters.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idle keep-alive connections of webhook deliveries, per endpoint and per address. A connection is
 * only handed out for the address the SSRF guard approved for the request at hand (the key holds
 * it), so a kept connection never carries a request to an address that was not checked for it.
 * Idle connections are closed after {@link #IDLE}; at most {@link #MAX_IDLE_PER_KEY} are kept per
 * key (the per-endpoint concurrency).
 */
final class KeptConnections {

    static final Duration IDLE = Duration.ofSeconds(15);
    static final int MAX_IDLE_PER_KEY = 20;

    /** Where a connection leads: the URL's scheme, host and port (the TLS identity) and the checked address. */
    record Key(String scheme, String host, int port, InetAddress address) { }

    private record Idle(Socket socket, long since) { }

    private final Map<Key, Deque<Idle>> idle = new ConcurrentHashMap<>();
    private volatile long nextSweep = System.nanoTime() + IDLE.toNanos();

    /** An idle connection for the key, the most recently used first; null when there is none. */
    Socket take(Key key) {
        Deque<Idle> connections = idle.get(key);
        if (connections == null) {
            return null;
        }
        while (true) {
            Idle next;
            synchronized (connections) {
                next = connections.pollFirst();
            }
            if (next == null) {
                return null;
            }
            if (!expired(next, System.nanoTime()) && !next.socket().isClosed()) {
                return next.socket();
            }
            close(next.socket());
        }
    }

    /** Keeps a connection whose last exchange ended cleanly (the answer read to its end). */
    void giveBack(Key key, Socket socket) {
        Deque<Idle> connections = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
        boolean kept = false;
        synchronized (connections) {
            if (connections.size() < MAX_IDLE_PER_KEY) {
                connections.addFirst(new Idle(socket, System.nanoTime()));
                kept = true;
            }
        }
        if (!kept) {
            close(socket);
        }
        sweepWhenDue();
    }

    /** Closes what has idled too long, for every key (endpoints no longer delivered to included). */
    private void sweepWhenDue() {
        long now = System.nanoTime();
        if (now - nextSweep < 0) {
            return;
        }
        nextSweep = now + IDLE.toNanos();
        idle.forEach((key, connections) -> {
            while (true) {
                Idle oldest;
                synchronized (connections) {
                    oldest = connections.peekLast();
                    if (oldest == null || !expired(oldest, now)) {
                        break;
                    }
                    connections.pollLast();
                }
                close(oldest.socket());
            }
        });
    }

    int idleCount(Key key) {
        Deque<Idle> connections = idle.get(key);
        if (connections == null) {
            return 0;
        }
        synchronized (connections) {
            return connections.size();
        }
    }

    private static boolean expired(Idle connection, long now) {
        return now - connection.since() > IDLE.toNanos();
    }

    static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was left to do with it
        }
    }
}
