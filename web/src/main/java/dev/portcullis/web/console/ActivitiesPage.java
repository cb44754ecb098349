package dev.portcullis.web.console;

import dev.portcullis.audit.ActivityLog;
import dev.portcullis.audit.ActivityType;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The activity feed, newest first, optionally of one type, paged by the database. */
@Named
@ViewScoped
public class ActivitiesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient ActivityLog activities;

    private ActivityType type;

    private final LazyDataModel<ActivityLog.Entry> table = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, activities.count(type));
        }

        @Override
        public List<ActivityLog.Entry> load(int first, int pageSize, Map<String, SortMeta> sort,
                                            Map<String, FilterMeta> filters) {
            return activities.page(first / pageSize, pageSize, "created_at", true, type).entries();
        }

        @Override
        public String getRowKey(ActivityLog.Entry entry) {
            return String.valueOf(entry.activity().id());
        }
    };

    /** A new type filter shows the first page again. */
    public void filter() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":activities:list") instanceof DataTable list) {
            list.setFirst(0);
        }
    }

    /** Who did it: the user's name and email, or the device or server when no user acted. */
    public String actor(ActivityLog.Entry entry) {
        String email = entry.activity().actorEmail();
        if (email == null) {
            return "Portcullis";
        }
        return entry.actorFullName() == null ? email : entry.actorFullName() + " (" + email + ")";
    }

    /** The details object as "host ids: 3, 4 · team id: 2". */
    public String details(ActivityLog.Entry entry) {
        String raw = entry.activity().details();
        if (raw == null || raw.isBlank()) {
            return "";
        }
        try (JsonReader reader = Json.createReader(new StringReader(raw))) {
            JsonObject details = reader.readObject();
            return details.entrySet().stream().map(e -> e.getKey().replace('_', ' ') + ": " + words(e.getValue()))
                    .collect(Collectors.joining(" · "));
        } catch (RuntimeException e) {
            return raw;
        }
    }

    private static String words(JsonValue value) {
        if (value instanceof JsonString s) return s.getString();
        if (value instanceof JsonArray a) return a.stream().map(ActivitiesPage::words).collect(Collectors.joining(", "));
        if (value == JsonValue.NULL) return "none";
        return value.toString();
    }

    public ActivityType[] getTypes() { return ActivityType.values(); }
    public LazyDataModel<ActivityLog.Entry> getTable() { return table; }
    public ActivityType getType() { return type; }
    public void setType(ActivityType type) { this.type = type; }
}
