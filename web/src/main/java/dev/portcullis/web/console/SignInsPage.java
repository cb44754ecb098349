package dev.portcullis.web.console;

import dev.portcullis.audit.SignInLog;
import dev.portcullis.audit.SignInOutcome;
import dev.portcullis.host.Host;
import dev.portcullis.host.HostSearch;
import dev.portcullis.host.HostService;
import dev.portcullis.problem.Refusal;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every sign-in decision, newest first, filtered by host, outcome and time (UTC), a page at a time. */
@Named
@ViewScoped
public class SignInsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PER_PAGE = 25;
    private static final int SUGGESTIONS = 10;

    @EJB
    private transient SignInLog log;
    @EJB
    private transient HostService hosts;

    private Long host;
    private SignInOutcome outcome;
    private LocalDateTime from;
    private LocalDateTime to;
    private int page;
    private final Map<Long, String> hostNames = new HashMap<>();
    private final Set<Long> deletedHosts = new HashSet<>();
    private transient SignInLog.Page result;

    /** New filters: back to the newest page. */
    public void apply() {
        page = 0;
        result = null;
        if (from != null && to != null && !from.isBefore(to)) {
            // Said next to the field, which keeps the time typed so it can be corrected; nothing is searched.
            FacesContext.getCurrentInstance().addMessage("signIns:to", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "The end of the time range must be after its start.", null));
            result = new SignInLog.Page(List.of(), false);
        }
    }

    public void clear() {
        host = null;
        outcome = null;
        from = null;
        to = null;
        apply();
    }

    public void older() {
        if (getResult().hasNext()) {
            page++;
            result = null;
        }
    }

    public void newer() {
        if (page > 0) {
            page--;
            result = null;
        }
    }

    public SignInLog.Page getResult() {
        if (result == null) {
            try {
                result = log.search(new SignInLog.Query(host, outcome, utc(from), utc(to), page, PER_PAGE));
            } catch (RuntimeException e) {
                Feedback.failed(e);
                result = new SignInLog.Page(List.of(), false);
            }
        }
        return result;
    }

    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    /** Hosts whose name or hardware UUID contains the text typed, for the host filter. */
    public List<Long> suggestHosts(String text) {
        HostSearch search = new HostSearch(new HostSearch.TeamFilter.Any(), null, null,
                text.length() > HostSearch.MAX_TEXT ? text.substring(0, HostSearch.MAX_TEXT) : text,
                HostSearch.OrderKey.HOSTNAME, false);
        List<Host> found = hosts.list(search, 0, SUGGESTIONS);
        found.forEach(h -> hostNames.put(h.id(), name(h)));
        return found.stream().map(Host::id).toList();
    }

    /** The host's name, or that it was deleted since the sign-in. */
    public String hostName(Long id) {
        if (id == null) {
            return "Unknown device";
        }
        return hostNames.computeIfAbsent(id, key -> {
            try {
                return name(hosts.find(key));
            } catch (Refusal deleted) {
                deletedHosts.add(key);
                return "Deleted host #" + key;
            }
        });
    }

    private static String name(Host h) {
        return h.hostname() == null || h.hostname().isBlank() ? h.hardwareUuid() : h.hostname();
    }

    public boolean hostExists(Long id) {
        hostName(id);
        return id != null && !deletedHosts.contains(id);
    }

    public SignInOutcome[] getOutcomes() { return SignInOutcome.values(); }
    public int getPageNumber() { return page + 1; }
    public boolean isFirstPage() { return page == 0; }
    public Long getHost() { return host; }
    public void setHost(Long host) { this.host = host; }
    public SignInOutcome getOutcome() { return outcome; }
    public void setOutcome(SignInOutcome outcome) { this.outcome = outcome; }
    public LocalDateTime getFrom() { return from; }
    public void setFrom(LocalDateTime from) { this.from = from; }
    public LocalDateTime getTo() { return to; }
    public void setTo(LocalDateTime to) { this.to = to; }
}
