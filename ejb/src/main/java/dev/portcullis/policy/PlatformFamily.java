package dev.portcullis.policy;

import java.util.Locale;
import java.util.Set;

/**
 * Maps osquery's platform names to the families policies target, as Fleet does: "ubuntu",
 * "rhel" and friends run "linux" policies.
 */
public final class PlatformFamily {

    /** The values a policy's platform list may hold. */
    public static final Set<String> POLICY_PLATFORMS = Set.of("darwin", "windows", "linux", "chrome");

    private static final Set<String> LINUX = Set.of("linux", "ubuntu", "debian", "rhel", "centos", "fedora", "amzn",
            "arch", "manjaro", "opensuse", "opensuse-leap", "opensuse-tumbleweed", "gentoo", "sles", "pop", "kali",
            "nixos", "rocky", "almalinux", "oracle");

    private PlatformFamily() {
    }

    public static String of(String osqueryPlatform) {
        if (osqueryPlatform == null || osqueryPlatform.isBlank()) {
            return null;
        }
        String p = osqueryPlatform.strip().toLowerCase(Locale.ROOT);
        if (p.equals("darwin") || p.equals("windows") || p.equals("chrome")) {
            return p;
        }
        return LINUX.contains(p) ? "linux" : p;
    }
}
