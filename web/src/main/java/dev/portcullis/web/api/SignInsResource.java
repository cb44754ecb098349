package dev.portcullis.web.api;

import dev.portcullis.audit.SignInLog;
import dev.portcullis.audit.SignInOutcome;
import dev.portcullis.problem.Validation;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Every sign-in decision, newest first: who, from which host, what was decided and why. */
@Path("v1/fleet/conditional_access/sign_ins")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SignInsResource {

    static final int MAX_PER_PAGE = 1000;
    static final int MAX_PAGE = 1_000_000;

    public record PolicyJson(long id, String name) {
    }

    public record SignInJson(long id, Instant createdAt, Long hostId, String nameId, String outcome,
                             List<PolicyJson> failingPolicies, String reason) {

        static SignInJson of(SignInLog.Entry e) {
            var r = e.record();
            return new SignInJson(r.id(), r.createdAt(), r.hostId(), r.nameId(),
                    r.outcome().name().toLowerCase(Locale.ROOT),
                    e.failingPolicies().stream().map(p -> new PolicyJson(p.id(), p.name())).toList(), r.reason());
        }
    }

    public record Meta(boolean hasNextResults, boolean hasPreviousResults) {
    }

    public record SignInsOut(List<SignInJson> signIns, Meta meta) {
    }

    @EJB
    private SignInLog log;

    @GET
    public SignInsOut list(@QueryParam("host_id") Long hostId, @QueryParam("outcome") String outcome,
                           @QueryParam("after") String after, @QueryParam("before") String before,
                           @QueryParam("page") @DefaultValue("0") int page,
                           @QueryParam("per_page") @DefaultValue("100") int perPage) {
        Validation v = new Validation();
        SignInOutcome wanted = outcome(outcome, v);
        Instant from = instant(after, "after", v);
        Instant to = instant(before, "before", v);
        v.require(page >= 0 && page <= MAX_PAGE, "page", "page must be between 0 and " + MAX_PAGE);
        v.require(perPage >= 1 && perPage <= MAX_PER_PAGE, "per_page", "per_page must be between 1 and " + MAX_PER_PAGE);
        v.check();
        SignInLog.Page result = log.search(new SignInLog.Query(hostId, wanted, from, to, page, perPage));
        return new SignInsOut(result.entries().stream().map(SignInJson::of).toList(),
                new Meta(result.hasNext(), page > 0));
    }

    private static SignInOutcome outcome(String text, Validation v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return SignInOutcome.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add("outcome", "outcome must be one of allowed, allowed_by_bypass, blocked, certificate_error, request_error");
            return null;
        }
    }

    private static Instant instant(String text, String field, Validation v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            v.add(field, field + " must be an RFC 3339 time such as 2026-01-31T12:00:00Z");
            return null;
        }
    }
}
