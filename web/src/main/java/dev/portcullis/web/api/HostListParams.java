package dev.portcullis.web.api;

import dev.portcullis.host.HostSearch;
import dev.portcullis.host.HostService;
import dev.portcullis.problem.Refusal;
import java.util.Locale;

/**
 * Reads the host list's query parameters. Each arrives as text: JAX-RS would answer a number
 * that does not parse with 404, where a client needs 400 naming the parameter.
 */
final class HostListParams {

    static final int DEFAULT_PER_PAGE = 100;

    private HostListParams() {
    }

    static HostSearch search(String teamId, String policyId, String policyResponse, String query, String orderKey,
                             String orderDirection) {
        Long team = number("team_id", teamId);
        HostSearch.TeamFilter filter = team == null ? new HostSearch.TeamFilter.Any()
                : team == 0 ? new HostSearch.TeamFilter.NoTeam() : new HostSearch.TeamFilter.OfTeam(team);
        Long policy = number("policy_id", policyId);
        HostSearch.PolicyResponse response = null;
        if (present(policyResponse)) {
            response = HostSearch.PolicyResponse.parse(policyResponse).orElseThrow(() ->
                    Refusal.badRequest("policy_response must be passing or failing"));
            if (policy == null) {
                throw Refusal.invalid("policy_id", "policy_id is required when policy_response is set");
            }
        }
        if (query != null && query.length() > HostSearch.MAX_TEXT) {
            throw Refusal.invalid("query", "query must be at most " + HostSearch.MAX_TEXT + " characters");
        }
        HostSearch.OrderKey key = HostSearch.OrderKey.ID;
        if (present(orderKey)) {
            key = HostSearch.OrderKey.parse(orderKey).orElseThrow(() -> Refusal.badRequest(
                    "order_key must be one of id, hostname, display_name, seen_time, created_at, policy_updated_at, uuid"));
        }
        boolean descending = false;
        if (present(orderDirection)) {
            descending = switch (orderDirection.strip().toLowerCase(Locale.ROOT)) {
                case "asc" -> false;
                case "desc" -> true;
                default -> throw Refusal.badRequest("order_direction must be asc or desc");
            };
        }
        return new HostSearch(filter, policy, response, query, key, descending);
    }

    static int page(String text) {
        Long page = number("page", text);
        if (page == null) return 0;
        if (page > 1_000_000) throw Refusal.invalid("page", "page must be at most 1000000");
        return page.intValue();
    }

    static int perPage(String text) {
        Long perPage = number("per_page", text);
        if (perPage == null) return DEFAULT_PER_PAGE;
        if (perPage < 1) throw Refusal.invalid("per_page", "per_page must be at least 1");
        if (perPage > HostService.MAX_PER_PAGE) {
            throw Refusal.invalid("per_page", "per_page must be at most " + HostService.MAX_PER_PAGE);
        }
        return perPage.intValue();
    }

    /** A non-negative whole number, or null when absent. */
    private static Long number(String name, String text) {
        if (!present(text)) {
            return null;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0) {
                throw Refusal.invalid(name, name + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw Refusal.badRequest(name + " must be a whole number");
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
