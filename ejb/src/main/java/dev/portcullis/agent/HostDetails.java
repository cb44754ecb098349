package dev.portcullis.agent;

/**
 * What an agent tells about its host, when it enrolls or answers the detail queries. Any field
 * may be null; a null keeps the host's current value.
 */
public record HostDetails(String hardwareUuid, String hostname, String platform, String osVersion) {

    /** The OS version as the host list shows it: os_version's name and version, e.g. "macOS 14.5". */
    public static String osText(String name, String version) {
        boolean hasName = name != null && !name.isBlank();
        boolean hasVersion = version != null && !version.isBlank();
        if (hasName && hasVersion) {
            return name + " " + version;
        }
        return hasName ? name : hasVersion ? version : null;
    }
}
