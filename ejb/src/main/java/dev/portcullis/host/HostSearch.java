package dev.portcullis.host;

import java.util.Locale;
import java.util.Optional;

/**
 * Which hosts to list or count, and in what order: Fleet's {@code team_id}, {@code policy_id},
 * {@code policy_response}, {@code query}, {@code order_key} and {@code order_direction}.
 *
 * @param team          every host, those in no team, or one team's
 * @param policyId      with {@code policyResponse}: hosts passing or failing it; alone: hosts with a result for it
 * @param policyResponse null for any result
 * @param text          part of the hostname or hardware UUID, any case; null for no text filter
 */
public record HostSearch(TeamFilter team, Long policyId, PolicyResponse policyResponse, String text,
                         OrderKey orderKey, boolean descending) {

    public static final int MAX_TEXT = 255;

    public HostSearch {
        if (team == null) team = new TeamFilter.Any();
        if (orderKey == null) orderKey = OrderKey.ID;
        if (policyResponse != null && policyId == null) {
            throw new IllegalArgumentException("policy_response needs policy_id");
        }
        if (text != null && text.isBlank()) {
            text = null;
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("query must be at most " + MAX_TEXT + " characters");
        }
    }

    public static HostSearch all() {
        return new HostSearch(new TeamFilter.Any(), null, null, null, OrderKey.ID, false);
    }

    /** Every host, those in no team, or one team's. */
    public sealed interface TeamFilter {
        record Any() implements TeamFilter { }
        record NoTeam() implements TeamFilter { }
        record OfTeam(long teamId) implements TeamFilter { }
    }

    public enum PolicyResponse {
        PASSING, FAILING;

        public static Optional<PolicyResponse> parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "passing" -> Optional.of(PASSING);
                case "failing" -> Optional.of(FAILING);
                default -> Optional.empty();
            };
        }
    }

    /** Fleet's order keys and the host field each sorts by; ties are broken by id. */
    public enum OrderKey {
        ID("id", "id"),
        HOSTNAME("hostname", "hostname"),
        DISPLAY_NAME("display_name", "hostname"),
        SEEN_TIME("seen_time", "seenAt"),
        CREATED_AT("created_at", "createdAt"),
        POLICY_UPDATED_AT("policy_updated_at", "policyUpdatedAt"),
        UUID("uuid", "hardwareUuid");

        private final String key;
        final String field;

        OrderKey(String key, String field) {
            this.key = key;
            this.field = field;
        }

        public String key() { return key; }

        public static Optional<OrderKey> parse(String text) {
            for (OrderKey k : values()) {
                if (k.key.equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }
}
