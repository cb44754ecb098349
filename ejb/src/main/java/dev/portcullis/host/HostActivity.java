package dev.portcullis.host;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** How an activity names the host it is about: its id and the name shown for it, as Fleet does. */
public final class HostActivity {

    private HostActivity() {
    }

    public static JsonObjectBuilder details(Host host) {
        return Json.createObjectBuilder().add("host_id", host.id()).add("host_display_name", String.valueOf(host.hostname()));
    }
}
