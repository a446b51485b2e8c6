package dev.payhooks.sandbox;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Serves the JAX-RS provider simulators at the paths the providers' sandboxes are documented
 * under ({@code /sandbox/walley/…}, {@code /sandbox/annanow/…}) by forwarding to where the one
 * JAX-RS application serves them ({@code /api/sandbox/…}). A second JAX-RS application at
 * {@code /sandbox} would serve every other resource there too. Production mode answers 404 in
 * the resources themselves.
 */
@WebServlet(urlPatterns = {"/sandbox/walley/*", "/sandbox/annanow/*"})
public class SandboxPaths extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        request.getRequestDispatcher("/api" + request.getServletPath() + pathInfo + query).forward(request, response);
    }
}
