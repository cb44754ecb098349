package dev.portcullis.audit;

import jakarta.json.JsonObjectBuilder;

/** Pieces of an activity's details that several kinds share. */
public final class ActivityDetails {

    private ActivityDetails() {
    }

    /** A team (or other) id that may be absent: written as JSON null, as Fleet writes "no team". */
    public static JsonObjectBuilder id(JsonObjectBuilder details, String key, Long id) {
        return id == null ? details.addNull(key) : details.add(key, id);
    }
}
