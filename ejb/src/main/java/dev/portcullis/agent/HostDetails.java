package dev.portcullis.agent;

/** What an agent tells about its host when it enrolls; any field but the UUID may be null. */
public record HostDetails(String hardwareUuid, String hostname, String platform, String osVersion) {
}
