package dev.payhooks.adapters.api;

import dev.payhooks.domain.error.Conflict;
import dev.payhooks.domain.error.DomainException;
import dev.payhooks.domain.error.IllegalTransition;
import dev.payhooks.domain.payment.ConflictingEvent;
import dev.payhooks.domain.error.NotFound;
import dev.payhooks.domain.error.NotPermitted;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves a JAX-RS resource into a JSON {@link ApiError}, never an
 * HTML page or a stack trace. Client errors keep their status and message; anything else is
 * a 500 whose message carries only an incident id that is also in the server log, with a
 * summary of the exception that never holds a database message ({@link SafeErrors}).
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof ApiProblem problem) {
            return json(problem.status(), new ApiError(ApiError.codeFor(problem.status()), problem.getMessage()));
        }
        if (exception instanceof DomainException rejected) {
            return json(statusOf(rejected), new ApiError(rejected.code(), rejected.getMessage()));
        }
        if (exception instanceof jakarta.persistence.OptimisticLockException) {
            return json(409, new ApiError("conflict", "The resource was changed meanwhile; read it again and retry"));
        }
        if (exception instanceof WebApplicationException wae && wae.getResponse() != null
                && wae.getResponse().getStatus() < 500) {
            int status = wae.getResponse().getStatus();
            return json(status, new ApiError(ApiError.codeFor(status), clientMessage(wae, status)));
        }
        return json(500, internalError(exception));
    }

    /**
     * Logs an unexpected failure under a new incident id and returns the error that names it. The
     * log gets a safe summary ({@link SafeErrors}): database exceptions quote the statement's
     * values (API key hashes, sealed secrets), so no message of theirs is logged.
     */
    static ApiError internalError(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unhandled error, incident " + incident + ": " + SafeErrors.summary(exception),
            SafeErrors.loggable(exception));
        return new ApiError("internal_error", "Internal server error (incident " + incident + ")");
    }

    /** Missing → 404; known caller without the right → 403; clashes with the current state → 409; any other rule broken by the input → 400. */
    static int statusOf(DomainException rejected) {
        if (rejected instanceof NotFound) {
            return 404;
        }
        if (rejected instanceof NotPermitted) {
            return 403;
        }
        if (rejected instanceof Conflict || rejected instanceof IllegalTransition || rejected instanceof ConflictingEvent) {
            return 409;
        }
        return 400;
    }

    private static String clientMessage(WebApplicationException e, int status) {
        String message = e.getMessage();
        // JAX-RS' default messages are "HTTP 404 Not Found"; say what it means instead.
        if (message == null || message.startsWith("HTTP " + status)) {
            return switch (status) {
                case 404 -> "No resource at this path";
                case 405 -> "Method not allowed on this resource";
                case 406 -> "The requested media type cannot be produced";
                case 415 -> "Content type not supported by this resource";
                case 401 -> "Authentication required";
                case 403 -> "Not allowed";
                default -> Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Request failed";
            };
        }
        return message;
    }

    static Response json(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
