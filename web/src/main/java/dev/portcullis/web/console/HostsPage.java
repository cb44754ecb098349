package dev.portcullis.web.console;

import dev.portcullis.host.Host;
import dev.portcullis.host.HostSearch;
import dev.portcullis.host.HostService;
import dev.portcullis.policy.PolicyService;
import dev.portcullis.team.TeamService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The hosts list: search, team and policy filters (kept in the URL so a filtered list can be
 * bookmarked or shared), paged and sorted by the database.
 */
@Named
@ViewScoped
public class HostsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String ALL_TEAMS = "";
    static final String NO_TEAM = "0";

    @EJB
    private transient HostService hosts;
    @EJB
    private transient TeamService teams;
    @EJB
    private transient PolicyService policies;
    @Inject
    private CurrentUser currentUser;

    private String query;
    private String team = ALL_TEAMS;
    private Long policy;
    private String response;
    private String missingTeamNote;

    private final Map<Long, String> teamNames = new LinkedHashMap<>();
    private final List<SelectItem> policyOptions = new ArrayList<>();
    private final LazyDataModel<HostRow> table = new HostTable();

    @PostConstruct
    void loadChoices() {
        teams.list().forEach(t -> teamNames.put(t.team().id(), t.team().name()));
        if (currentUser.isGlobalReader()) {
            addPolicyGroup("Global", null);
        }
        teamNames.forEach((id, name) -> addPolicyGroup(name, id));
    }

    private void addPolicyGroup(String label, Long teamId) {
        SelectItem[] items = policies.list(teamId).stream()
                .map(p -> new SelectItem(p.policy().id(), p.policy().name())).toArray(SelectItem[]::new);
        if (items.length > 0) {
            policyOptions.add(new SelectItemGroup(label, null, false, items));
        }
    }

    /**
     * A user with team roles only sees their teams: start with the first one rather than "all". A
     * team in the URL that does not exist (or that the user cannot see) is replaced the same way,
     * by all teams for a global reader, with a note saying so.
     */
    public void checkTeam() {
        missingTeamNote = null;
        String asked = team == null ? "" : team.strip();
        boolean known = teamNames.containsKey(parseTeam())
                || currentUser.isGlobalReader() && (asked.isEmpty() || asked.equals(NO_TEAM));
        if (!known) {
            team = currentUser.isGlobalReader() ? ALL_TEAMS
                    : teamNames.isEmpty() ? null : String.valueOf(teamNames.keySet().iterator().next());
            if (!asked.isEmpty()) {
                String shown = team == null ? "your teams" : team.isEmpty() ? "all teams" : teamNames.get(parseTeam());
                missingTeamNote = ConsoleWords.teamNotFound(asked, shown);
            }
        }
        if (policy == null) {
            response = null;
        }
    }

    /** The filters changed: show the first page and keep the URL in step without reloading the page. */
    public void search() {
        checkTeam();
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent(":hosts:list") instanceof DataTable list) {
            list.setFirst(0);
        }
        StringBuilder url = new StringBuilder("hosts.xhtml");
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null && !query.isBlank()) params.put("q", query.strip());
        if (team != null && !team.isEmpty()) params.put("team", team);
        if (policy != null) params.put("policy", String.valueOf(policy));
        if (response != null) params.put("response", response);
        String separator = "?";
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(separator).append(p.getKey()).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        PrimeFaces.current().executeScript("history.replaceState(null, '', " + jsString(url.toString()) + ")");
    }

    // The URL is built from encoded parameters only; quoting it keeps the script well-formed whatever they hold.
    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\x3c") + "'";
    }

    private Long parseTeam() {
        try {
            return team == null || team.isEmpty() ? null : Long.valueOf(team);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    HostSearch searchFor(Map<String, SortMeta> sort) {
        Long teamId = parseTeam();
        HostSearch.TeamFilter filter = teamId == null ? new HostSearch.TeamFilter.Any()
                : teamId == 0 ? new HostSearch.TeamFilter.NoTeam() : new HostSearch.TeamFilter.OfTeam(teamId);
        HostSearch.PolicyResponse verdict = policy == null || response == null ? null
                : HostSearch.PolicyResponse.parse(response).orElse(null);
        HostSearch.OrderKey key = HostSearch.OrderKey.HOSTNAME;
        boolean descending = false;
        for (SortMeta s : sort.values()) {
            if (!s.getOrder().isUnsorted()) {
                key = "seenAt".equals(s.getField()) ? HostSearch.OrderKey.SEEN_TIME : HostSearch.OrderKey.HOSTNAME;
                descending = s.getOrder().isDescending();
            }
        }
        String text = query == null || query.length() <= HostSearch.MAX_TEXT ? query : query.substring(0, HostSearch.MAX_TEXT);
        return new HostSearch(filter, policy, verdict, text, key, descending);
    }

    /** Pages of hosts straight from the database: count and page for the current filters. */
    private final class HostTable extends LazyDataModel<HostRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            try {
                return (int) Math.min(Integer.MAX_VALUE, hosts.count(searchFor(Map.of())));
            } catch (RuntimeException e) {
                Feedback.failed(e);
                return 0;
            }
        }

        @Override
        public List<HostRow> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            try {
                List<Host> page = hosts.list(searchFor(sort), first / pageSize, pageSize);
                Map<Long, HostService.GatingStatus> status = hosts.gatingStatus(page);
                return page.stream().map(h -> new HostRow(h, teamNames.get(h.teamId()), status.get(h.id()))).toList();
            } catch (RuntimeException e) {
                Feedback.failed(e);
                return List.of();
            }
        }

        @Override
        public String getRowKey(HostRow row) {
            return String.valueOf(row.getId());
        }
    }

    /** The team asked for when it was not found, and what is shown instead; null when the team was found. */
    public String getMissingTeamNote() { return missingTeamNote; }

    public boolean isAllTeamsOffered() { return currentUser.isGlobalReader(); }
    public Map<Long, String> getTeamNames() { return teamNames; }
    public List<SelectItem> getPolicyOptions() { return policyOptions; }
    public LazyDataModel<HostRow> getTable() { return table; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public String getTeam() { return team; }
    public void setTeam(String team) { this.team = team; }
    public Long getPolicy() { return policy; }
    public void setPolicy(Long policy) { this.policy = policy; }
    public String getResponse() { return response; }
    public void setResponse(String response) { this.response = response; }
}
