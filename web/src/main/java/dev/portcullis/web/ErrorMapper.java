package dev.portcullis.web;

import dev.portcullis.problem.Refusal;
import static dev.portcullis.web.Causes.find;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/** Every failure becomes Fleet's error JSON with a fitting status; a stack trace never leaves the server. */
@Provider
@ApplicationScoped
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Refusal refusal = find(thrown, Refusal.class);
        if (refusal != null) {
            return refused(refusal);
        }
        // A service contract's Bean Validation constraints; the EJB container may wrap the exception.
        ConstraintViolationException violations = find(thrown, ConstraintViolationException.class);
        if (violations != null && violations.getConstraintViolations() != null
                && !violations.getConstraintViolations().isEmpty()) {
            return invalid(violations);
        }
        if (find(thrown, EJBAccessException.class) != null) {
            // A service method's @RolesAllowed refused the caller's roles.
            return json(403, ErrorBody.of("forbidden"));
        }
        if (find(thrown, JsonbException.class) != null || find(thrown, JsonException.class) != null
                || thrown instanceof ProcessingException) {
            return json(400, ErrorBody.of("Malformed JSON in the request body"));
        }
        if (thrown instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            String message = status == 404 ? "Resource Not Found" : status == 405 ? "Method Not Allowed"
                    : status == 415 ? "Unsupported Media Type"
                    : status == 413 ? "Request body too large"
                    : status < 500 && wae.getMessage() != null ? wae.getMessage() : "Request failed";
            return json(status, ErrorBody.of(message));
        }
        if (find(thrown, OptimisticLockException.class) != null || find(thrown, PessimisticLockException.class) != null) {
            return json(409, ErrorBody.of("The resource was changed concurrently; try again"));
        }
        java.sql.SQLException sql = find(thrown, java.sql.SQLException.class);
        if (sql != null && sql.getSQLState() != null) {
            // Integrity violations are requests racing on a unique value; class 22 is data too long.
            if (sql.getSQLState().startsWith("23")) {
                return json(409, ErrorBody.of("The request conflicts with an existing record; try again"));
            }
            if (sql.getSQLState().startsWith("22")) {
                return json(422, ErrorBody.of("A value in the request is too long or malformed"));
            }
        }
        String incident = UUID.randomUUID().toString();
        // Database messages quote the SQL with its values (secrets, tokens): log only their shape.
        LOG.severe("Unexpected failure, incident " + incident + ": " + SafeFailure.describe(thrown));
        return json(500, ErrorBody.of("Internal server error (incident " + incident + ")"));
    }

    private static Response refused(Refusal refusal) {
        if (refusal.kind() == Refusal.Kind.NODE_INVALID) {
            return json(401, Map.of("error", refusal.getMessage(), "node_invalid", true));
        }
        if (refusal.kind() == Refusal.Kind.RATE_LIMITED) {
            return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", refusal.retryAfterSeconds()).entity(ErrorBody.of(refusal)).build();
        }
        int status = switch (refusal.kind()) {
            case BAD_REQUEST -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
            case NODE_INVALID -> 401;
            case RATE_LIMITED -> 429;
        };
        return json(status, ErrorBody.of(refusal));
    }

    /** 422 naming each violated field as its JSON name, the way the hand-written checks do. */
    static Response invalid(ConstraintViolationException violations) {
        return refused(new Refusal(Refusal.Kind.INVALID, "Validation Failed",
                ViolationFields.of(violations.getConstraintViolations())));
    }

    static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
