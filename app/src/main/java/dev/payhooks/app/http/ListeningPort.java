package dev.payhooks.app.http;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The port this server answers plain HTTP on, as the first plain-HTTP request shows it
 * ({@link ServletRequest#getLocalPort()}, the port of the server's own socket, whatever a proxy
 * in front of it uses). The configured port is not always the one bound (a random or
 * automatically chosen port), so the hub's calls to itself (the sandbox simulators) use this
 * one once a request has come in. Registered in web.xml.
 */
public class ListeningPort implements ServletRequestListener {

    private static final AtomicInteger SEEN = new AtomicInteger();

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        ServletRequest request = event.getServletRequest();
        if (SEEN.get() == 0 && !request.isSecure() && request.getLocalPort() > 0) {
            SEEN.compareAndSet(0, request.getLocalPort());
        }
    }

    /** The plain-HTTP port requests came in on; empty before the first one. */
    public static OptionalInt seen() {
        int port = SEEN.get();
        return port == 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }
}
