package dev.portcullis.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Every {@link Instant} is stored as microseconds since the epoch (UTC) in a BIGINT column.
 * EclipseLink 4 has no mapping of its own for Instant and would store a serialized Java object:
 * unreadable in SQL, costly to read back, and ordered only by accident. A number needs no time
 * zone, so no daylight-saving hour can make two instants equal, on H2 and on PostgreSQL alike.
 */
@Converter(autoApply = true)
public class InstantColumns implements AttributeConverter<Instant, Long> {

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    @Override
    public Instant convertToEntityAttribute(Long micros) {
        return micros == null ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
