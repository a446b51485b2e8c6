package dev.payhooks.sandbox.npatobarai;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator servlet answers in sandbox mode only. */
class NpAtobaraiSandboxServletTest {

    record Result(int status, String body) { }

    static Result call(String mode, String method, String pathInfo, Map<String, String> headers, String body) throws Exception {
        NpAtobaraiSandboxServlet servlet = new NpAtobaraiSandboxServlet();
        servlet.mode = new dev.payhooks.adapters.api.HubMode("production".equals(mode));
        ByteArrayInputStream bytes = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        ServletInputStream input = new ServletInputStream() {
            @Override public boolean isFinished() { return bytes.available() == 0; }
            @Override public boolean isReady() { return true; }
            @Override public void setReadListener(ReadListener listener) { }
            @Override public int read() { return bytes.read(); }
        };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(NpAtobaraiSandboxServletTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                case "getMethod" -> method;
                case "getPathInfo" -> pathInfo;
                case "getHeader" -> headers.get((String) args[0]);
                case "getInputStream" -> input;
                default -> null;
            });
        AtomicInteger status = new AtomicInteger(200);
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(NpAtobaraiSandboxServletTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                if (m.getName().equals("setStatus")) {
                    status.set((Integer) args[0]);
                }
                return m.getName().equals("getWriter") ? writer : null;
            });
        servlet.service(request, response);
        writer.flush();
        return new Result(status.get(), out.toString());
    }

    static final Map<String, String> NP_HEADERS = Map.of("Authorization", "Basic bTpzcA==", "X-NP-Terminal-Id", "t");
    static final String ORDER = "{\"transactions\": [{\"shop_transaction_id\": \"tok\", \"billed_amount\": 1000,"
        + " \"customer\": {\"customer_name\": \"Yamada RE021\"}, \"dest_customer\": {\"customer_name\": \"Yamada\"}}]}";

    @Test
    void sandboxModeSimulates() throws Exception {
        Result held = call("sandbox", "POST", "/transactions", NP_HEADERS, ORDER);
        assertEquals(200, held.status());
        assertTrue(held.body().contains("\"authori_hold\":[\"RE021\"]"), held.body());
    }

    @Test
    void productionModeIs404() throws Exception {
        Result off = call("production", "POST", "/transactions", NP_HEADERS, ORDER);
        assertEquals(404, off.status());
        assertTrue(off.body().contains("\"error\":\"not_found\""), off.body());
    }
}
