package dev.portcullis.web.api;

import dev.portcullis.audit.Activity;
import dev.portcullis.audit.ActivityLog;
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

/** The activity feed, newest first. */
@Path("v1/fleet/activities")
@Authenticated
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ActivitiesResource {

    public record ActivityJson(long id, Instant createdAt, String actorEmail, String type, JsonObject details) {

        static ActivityJson of(Activity a) {
            JsonObject details = null;
            if (a.details() != null) {
                try (JsonReader reader = Json.createReader(new StringReader(a.details()))) {
                    details = reader.readObject();
                }
            }
            return new ActivityJson(a.id(), a.createdAt(), a.actorEmail(), a.type().fleetName(), details);
        }
    }

    public record ActivitiesOut(List<ActivityJson> activities) {
    }

    @Inject
    private ActivityLog activities;

    @GET
    public ActivitiesOut list(@QueryParam("per_page") @DefaultValue("100") int perPage) {
        int limit = Math.max(1, Math.min(perPage, 1000));
        return new ActivitiesOut(activities.latest(limit).stream().map(ActivityJson::of).toList());
    }
}
