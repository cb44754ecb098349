package dev.portcullis.web.api;

import dev.portcullis.audit.Activity;
import dev.portcullis.audit.ActivityLog;
import dev.portcullis.problem.Validation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The activity feed as Fleet pages it; newest first unless asked otherwise. */
@Path("v1/fleet/activities")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ActivitiesResource {

    static final int MAX_PER_PAGE = 1000;
    static final int MAX_PAGE = 1_000_000;

    public record ActivityJson(long id, Instant createdAt, Long actorId, String actorFullName, String actorEmail,
                               String type, JsonObject details) {

        static ActivityJson of(ActivityLog.Entry e) {
            Activity a = e.activity();
            JsonObject details = null;
            if (a.details() != null) {
                try (JsonReader reader = Json.createReader(new StringReader(a.details()))) {
                    details = reader.readObject();
                }
            }
            return new ActivityJson(a.id(), a.createdAt(), e.actorId(), e.actorFullName(), a.actorEmail(),
                    a.type().fleetName(), details);
        }
    }

    public record Meta(boolean hasNextResults, boolean hasPreviousResults) {
    }

    public record ActivitiesOut(List<ActivityJson> activities, Meta meta) {
    }

    @Inject
    private ActivityLog activities;

    @GET
    public ActivitiesOut list(@QueryParam("page") @DefaultValue("0") int page,
                              @QueryParam("per_page") @DefaultValue("100") int perPage,
                              @QueryParam("order_key") @DefaultValue("created_at") String orderKey,
                              @QueryParam("order_direction") @DefaultValue("desc") String orderDirection) {
        String direction = orderDirection.strip().toLowerCase(Locale.ROOT);
        new Validation()
                .require(page >= 0 && page <= MAX_PAGE, "page", "page must be between 0 and " + MAX_PAGE)
                .require(perPage >= 1 && perPage <= MAX_PER_PAGE, "per_page", "per_page must be between 1 and " + MAX_PER_PAGE)
                .require(direction.equals("asc") || direction.equals("desc"), "order_direction",
                        "order_direction must be asc or desc")
                .check();
        ActivityLog.Page result = activities.page(page, perPage, orderKey.strip(), direction.equals("desc"));
        return new ActivitiesOut(result.entries().stream().map(ActivityJson::of).toList(),
                new Meta(result.hasNext(), result.hasPrevious()));
    }
}
