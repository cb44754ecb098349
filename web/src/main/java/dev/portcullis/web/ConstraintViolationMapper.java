package dev.portcullis.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A service contract's violated constraints as Fleet's 422. It has its own mapper because RESTEasy's built-in
 * mapper for {@code ValidationException} is closer to this exception than {@link ErrorMapper}'s {@code Throwable}.
 */
@Provider
@ApplicationScoped
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException violations) {
        if (violations.getConstraintViolations() == null || violations.getConstraintViolations().isEmpty()) {
            return new ErrorMapper().toResponse(violations);
        }
        return ErrorMapper.invalid(violations);
    }
}
