package dev.portcullis.policy;

/** A policy's fields as an administrator sends them; on update, null leaves a field as it is. */
public record PolicyDraft(String name, String query, String description, String resolution, String platform,
                          Boolean critical, Boolean conditionalAccessEnabled) {
}
