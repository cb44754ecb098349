package dev.portcullis.agent;

/** How one distributed query came back from the agent. */
public enum QueryOutcome {
    /** Ran cleanly and returned rows: the policy passes. */
    ROWS,
    /** Ran cleanly and returned nothing: the policy fails. */
    NO_ROWS,
    /** Did not run cleanly (non-zero status): no verdict. */
    ERROR;

    /** The policy verdict this outcome stands for; null means no result. */
    public Boolean passes() {
        return switch (this) {
            case ROWS -> Boolean.TRUE;
            case NO_ROWS -> Boolean.FALSE;
            case ERROR -> null;
        };
    }
}
