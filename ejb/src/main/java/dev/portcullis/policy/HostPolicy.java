package dev.portcullis.policy;

/** A policy as it stands on one host: "pass", "fail", or "" when there is no result. */
public record HostPolicy(Policy policy, String response) {

    public boolean failing() {
        return "fail".equals(response);
    }
}
