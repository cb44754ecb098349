package dev.portcullis.policy;

/**
 * A policy as it stands on one host: "pass", "fail", or "" when there is no result; error is the
 * agent's message when the latest run did not complete (null otherwise).
 */
public record HostPolicy(Policy policy, String response, String error) {

    public boolean failing() {
        return "fail".equals(response);
    }
}
