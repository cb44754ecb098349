package dev.portcullis.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantColumnsTest {

    private final InstantColumns columns = new InstantColumns();

    @Test
    void storesMicrosecondsSinceTheEpoch() {
        assertEquals(1_700_000_000_123_456L, columns.convertToDatabaseColumn(Instant.parse("2023-11-14T22:13:20.123456Z")));
        assertEquals(Instant.parse("2023-11-14T22:13:20.123456Z"), columns.convertToEntityAttribute(1_700_000_000_123_456L));
        assertEquals(-1_000_000L, columns.convertToDatabaseColumn(Instant.parse("1969-12-31T23:59:59Z")));
    }

    @Test
    void keepsMicrosecondsAndDropsOnlyNanoseconds() {
        Instant withNanos = Instant.parse("2026-03-29T01:30:00.123456789Z");
        assertEquals(Instant.parse("2026-03-29T01:30:00.123456Z"),
                columns.convertToEntityAttribute(columns.convertToDatabaseColumn(withNanos)));
    }

    @Test
    void numbersOrderAsTheInstantsDo() {
        Instant earlier = Instant.parse("2026-10-25T00:59:59.999999Z");
        Instant later = Instant.parse("2026-10-25T01:00:00Z");
        assertTrue(columns.convertToDatabaseColumn(earlier) < columns.convertToDatabaseColumn(later));
    }

    @Test
    void nullStaysNull() {
        assertNull(columns.convertToDatabaseColumn(null));
        assertNull(columns.convertToEntityAttribute(null));
    }
}
