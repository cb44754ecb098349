package dev.portcullis.policy;

import dev.portcullis.problem.Creating;
import dev.portcullis.problem.NullOrNotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A policy's fields as an administrator sends them; on update, null leaves a field as it is.
 * A create requires the name and the query (the {@link Creating} group).
 */
public record PolicyDraft(
        @NotNull(groups = Creating.class, message = "must not be empty") @NullOrNotBlank
        @Size(max = 255, message = "must be at most {max} characters") String name,
        @NotNull(groups = Creating.class, message = "must not be empty") @NullOrNotBlank String query,
        @Size(max = 4000, message = "must be at most {max} characters") String description,
        @Size(max = 4000, message = "must be at most {max} characters") String resolution,
        String platform,
        Boolean critical,
        Boolean conditionalAccessEnabled) {
}
