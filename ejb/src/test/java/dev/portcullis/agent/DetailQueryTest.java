package dev.portcullis.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DetailQueryTest {

    private static final Map<String, String> SYSTEM_INFO = Map.of("hostname", "mac-1.example.com",
            "computer_name", "Anna's MacBook", "hardware_serial", "C02XYZ", "uuid", "5A1D3E0F-0000");
    private static final Map<String, String> OS_VERSION = Map.of("name", "macOS", "version", "14.5",
            "major", "14", "minor", "5", "patch", "0", "build", "23F79", "platform", "darwin");

    @Test
    void namesFollowFleets() {
        assertEquals("fleet_detail_query_system_info", DetailQuery.SYSTEM_INFO.queryName());
        assertEquals("fleet_detail_query_os_version", DetailQuery.OS_VERSION.queryName());
        assertEquals(DetailQuery.OS_VERSION, DetailQuery.named("fleet_detail_query_os_version").orElseThrow());
        assertTrue(DetailQuery.named("fleet_detail_query_uptime").isEmpty(), "not one of ours");
        assertTrue(DetailQuery.named("fleet_policy_query_1").isEmpty());
    }

    @Test
    void describesTheHostFromBothRows() {
        HostDetails d = DetailQuery.describe(Map.of(DetailQuery.SYSTEM_INFO, SYSTEM_INFO,
                DetailQuery.OS_VERSION, OS_VERSION));
        assertEquals("mac-1.example.com", d.hostname());
        assertEquals("darwin", d.platform());
        assertEquals("macOS 14.5", d.osVersion(), "written as enrollment writes it");
        assertNull(d.hardwareUuid(), "details never change which host this is");
    }

    @Test
    void fallsBackToTheComputerNameWhenTheHostnameIsBlank() {
        HostDetails d = DetailQuery.describe(Map.of(DetailQuery.SYSTEM_INFO,
                Map.of("hostname", " ", "computer_name", "Anna's MacBook")));
        assertEquals("Anna's MacBook", d.hostname());
    }

    @Test
    void aMissingQueryOrColumnKeepsTheHostsValue() {
        HostDetails onlySystem = DetailQuery.describe(Map.of(DetailQuery.SYSTEM_INFO, SYSTEM_INFO));
        assertNull(onlySystem.osVersion());
        assertNull(onlySystem.platform());
        HostDetails noRows = DetailQuery.describe(Map.of(DetailQuery.SYSTEM_INFO, Map.of(),
                DetailQuery.OS_VERSION, Map.of("name", "macOS", "platform", "")));
        assertNull(noRows.hostname());
        assertNull(noRows.platform(), "blank is no value");
        assertEquals("macOS", noRows.osVersion());
    }

    @Test
    void osTextJoinsNameAndVersionSkippingBlanks() {
        assertEquals("macOS 14.5", HostDetails.osText("macOS", "14.5"));
        assertEquals("14.5", HostDetails.osText(null, "14.5"));
        assertEquals("macOS", HostDetails.osText("macOS", ""));
        assertNull(HostDetails.osText(" ", null));
    }
}
