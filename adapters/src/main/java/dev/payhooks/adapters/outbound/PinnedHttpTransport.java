package dev.payhooks.adapters.outbound;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request (a webhook POST, or a provider call through {@link ProviderGate}), over a connection to the address the SSRF guard
 * checked (never a second DNS lookup), with TLS verified against the URL's host name (SNI and
 * certificate). Redirects are never followed: a 3xx is an answer like any other non-2xx. A
 * webhook delivery keeps only the first {@link #EXCERPT_BYTES} of the response body (the attempt
 * log); a provider call reads up to the limit it asks for. A provider call opens its own connection
 * ({@code Connection: close}); a webhook POST keeps its connection for the endpoint's next one,
 * reused only for a request whose own address check gave the same address ({@link KeptConnections}).
 */
public final class PinnedHttpTransport {

    public static final int EXCERPT_BYTES = 4096;
    private static final int MAX_HEADER_BYTES = 32 * 1024;

    /** What went wrong, in the categories the attempt log and the retry policy use. */
    public enum ErrorClass { TIMEOUT, TLS, CONNECTION_REFUSED, CONNECTION_ERROR, PROTOCOL }

    public record Request(URI url, InetAddress address, Map<String, String> headers, byte[] body,
                          Duration connectTimeout, Duration totalTimeout) {
    }

    public sealed interface Outcome permits Answered, Failed {
        Duration latency();
    }

    /** The endpoint answered (any status; 2xx is success for webhooks). */
    public record Answered(int status, Map<String, List<String>> headers, byte[] bodyExcerpt, Duration latency)
        implements Outcome {

        public boolean success() {
            return status >= 200 && status < 300;
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** No answer: the request may or may not have reached the endpoint. */
    public record Failed(ErrorClass error, String message, Duration latency) implements Outcome {
    }

    private final SSLContext tls;
    private final String userAgent;
    private final KeptConnections kept = new KeptConnections();

    public PinnedHttpTransport(SSLContext tls, String userAgent) {
        this.tls = tls;
        this.userAgent = userAgent;
    }

    public static PinnedHttpTransport withDefaultTrust(String userAgent) {
        try {
            return new PinnedHttpTransport(SSLContext.getDefault(), userAgent);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("TLS is part of every Java platform", e);
        }
    }

    /**
     * A webhook POST. Its connection is kept for the endpoint's next request when the answer
     * allows (read to its end, no {@code Connection: close}), and only reused for a request whose
     * checked address is the same ({@link KeptConnections}). A kept connection the endpoint closed
     * meanwhile is noticed before any answer arrives, and the request goes out on a new one.
     */
    public Outcome post(Request request) {
        return exchange("POST", request, EXCERPT_BYTES, true);
    }

    /** Any method, on a connection of its own; at most {@code maxBodyBytes} of the answer's body are read (the rest is not waited for). */
    public Outcome exchange(String method, Request request, int maxBodyBytes) {
        return exchange(method, request, maxBodyBytes, false);
    }

    private Outcome exchange(String method, Request request, int maxBodyBytes, boolean keepAlive) {
        if (!method.matches("[A-Z]{1,10}")) {
            throw new IllegalArgumentException("not an HTTP method: " + method);
        }
        long started = System.nanoTime();
        long deadline = started + request.totalTimeout().toNanos();
        URI url = request.url();
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : (https ? 443 : 80);
        KeptConnections.Key key = keepAlive ? new KeptConnections.Key(https ? "https" : "http", url.getHost(), port, request.address()) : null;
        Socket socket = keepAlive ? kept.take(key) : null;
        try {
            Read read = null;
            if (socket != null) {
                try {
                    socket.setSoTimeout(remainingMillis(deadline));
                    read = send(method, request, port, https, socket, deadline, started, maxBodyBytes, keepAlive, true);
                } catch (StaleConnection closedMeanwhile) {
                    KeptConnections.close(socket);
                }
            }
            if (read == null) {
                socket = connect(request, port, https, deadline);
                read = send(method, request, port, https, socket, deadline, started, maxBodyBytes, keepAlive, false);
            }
            if (keepAlive && read.reusable()) {
                kept.giveBack(key, socket);
                socket = null;
            }
            return read.answered();
        } catch (SocketTimeoutException e) {
            return new Failed(ErrorClass.TIMEOUT, "no answer within " + request.totalTimeout().toSeconds() + " s", since(started));
        } catch (ConnectException e) {
            return new Failed(ErrorClass.CONNECTION_REFUSED, "connection refused by " + url.getHost() + ":" + port, since(started));
        } catch (SSLException e) {
            return new Failed(ErrorClass.TLS, "TLS failed: " + e.getMessage(), since(started));
        } catch (ProtocolViolation e) {
            return new Failed(ErrorClass.PROTOCOL, e.getMessage(), since(started));
        } catch (IOException e) {
            return new Failed(ErrorClass.CONNECTION_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), since(started));
        } finally {
            if (socket != null) {
                KeptConnections.close(socket);
            }
        }
    }

    /**
     * Sends the request on the connection and reads the answer. {@link StaleConnection} when a
     * {@code reused} connection turns out closed (or reset) before any byte of an answer came: the
     * endpoint ended it while it was idle.
     */
    private Read send(String method, Request request, int port, boolean https, Socket socket, long deadline, long started,
                      int maxBodyBytes, boolean keepAlive, boolean reused) throws IOException {
        BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
        try {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, request, port, https, keepAlive));
            out.write(request.body());
            out.flush();
            in.mark(1);
            if (in.read() < 0) {
                throw new ProtocolViolation("connection closed before a complete answer");
            }
            in.reset();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            if (reused) {
                throw new StaleConnection(e);
            }
            throw e;
        }
        return read(in, socket, deadline, started, maxBodyBytes, method);
    }

    /** An answer, and whether its connection can carry another request (the answer was read to its end). */
    private record Read(Answered answered, boolean reusable) { }

    private Socket connect(Request request, int port, boolean https, long deadline) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(request.address(), port), (int) Math.max(1, request.connectTimeout().toMillis()));
            plain.setSoTimeout(remainingMillis(deadline));
            if (!https) {
                return plain;
            }
            String host = request.url().getHost();
            SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!host.matches("[0-9.]+|\\[.*]")) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            secure.setSSLParameters(parameters);
            secure.setSoTimeout(remainingMillis(deadline));
            secure.startHandshake();
            return secure;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private byte[] head(String method, Request request, int port, boolean https, boolean keepAlive) {
        URI url = request.url();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        boolean defaultPort = port == (https ? 443 : 80);
        StringBuilder head = new StringBuilder()
            .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
            .append("Host: ").append(url.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n")
            .append("User-Agent: ").append(userAgent).append("\r\n")
            .append("Content-Length: ").append(request.body().length).append("\r\n")
            .append(keepAlive ? "" : "Connection: close\r\n");
        request.headers().forEach((name, value) -> {
            if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + name + " contains a line break");
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private Read read(InputStream in, Socket socket, long deadline, long started, int maxBodyBytes, String method) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new ProtocolViolation("not an HTTP/1.x answer: " + printable(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new ProtocolViolation("bad status code in: " + printable(statusLine));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int headerBytes = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            headerBytes += header.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new ProtocolViolation("response headers larger than " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.substring(colon + 1).trim());
            }
        }
        socket.setSoTimeout(remainingMillis(deadline));
        // The excerpt is what the log keeps; the rest of the body is not waited for.
        ByteArrayOutputStream excerpt = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        int n;
        boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("chunked"));
        boolean noBody = status / 100 == 1 || status == 204 || status == 304 || method.equals("HEAD");
        long length = chunked || !headers.containsKey("content-length") ? -1 : parseLong(headers.get("content-length").get(0));
        ChunkedExcerpt chunks = chunked ? new ChunkedExcerpt(in) : null;
        InputStream body = chunked ? chunks : in;
        long left = noBody ? 0 : length < 0 ? Long.MAX_VALUE : length;
        while (excerpt.size() < maxBodyBytes && left > 0
                && (n = body.read(buffer, 0, (int) Math.min(Math.min(buffer.length, maxBodyBytes - excerpt.size()), left))) > 0) {
            excerpt.write(buffer, 0, n);
            left -= n;
        }
        boolean ended = noBody || (chunked ? chunks.finish() : length >= 0 && left == 0);
        boolean reusable = ended && parts[0].equals("HTTP/1.1")
            && headers.getOrDefault("connection", List.of()).stream().noneMatch(v -> v.equalsIgnoreCase("close"));
        return new Read(new Answered(status, headers, excerpt.toByteArray(), since(started)), reusable);
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
            if (line.size() > MAX_HEADER_BYTES) {
                throw new ProtocolViolation("response line longer than " + MAX_HEADER_BYTES + " bytes");
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new ProtocolViolation("connection closed before a complete answer");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The answer broke HTTP/1.1 framing. */
    static final class ProtocolViolation extends IOException {
        ProtocolViolation(String message) {
            super(message);
        }
    }

    /** A kept connection the endpoint closed while it was idle: nothing of an answer came back. */
    static final class StaleConnection extends IOException {
        StaleConnection(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Reads the data of a chunked body, enough for an excerpt. */
    private static final class ChunkedExcerpt extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        ChunkedExcerpt(InputStream in) {
            this.in = in;
        }

        /** Whether the body was read to its last chunk; reads the trailer that follows it. */
        boolean finish() {
            if (!done) {
                return false;
            }
            try {
                for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                if (size.isEmpty()) {
                    size = line(in);
                }
                int semicolon = size.indexOf(';');
                try {
                    left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new ProtocolViolation("bad chunk size");
                }
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
