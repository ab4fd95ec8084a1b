package io.github.pineconeimports.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The hand-written timestamp reader agrees with java.time on every shape it takes, and declines the rest. */
class FastInstantTest {

    @Test
    void agreesWithJavaTimeOnRandomInstantsAtEveryPrecision() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    random.nextInt(1_000_000_000));
            String full = instant.toString();
            int digits = random.nextInt(10);
            String text = full.substring(0, 19) + (digits == 0 ? "" : "." + (full.length() > 20
                    ? full.substring(20, full.length() - 1) + "000000000" : "000000000").substring(0, digits)) + "Z";
            assertEquals(OffsetDateTime.parse(text).toInstant(), FastInstant.utc(text), text);
        }
    }

    @Test
    void edgesOfTheCalendar() {
        for (String text : new String[] { "2024-02-29T23:59:59.999999999Z", "2000-01-01T00:00:00Z",
                "1970-01-01T00:00:00.1Z", "2025-12-31T23:59:59Z" }) {
            assertEquals(OffsetDateTime.parse(text).toInstant(), FastInstant.utc(text), text);
        }
    }

    @Test
    void otherShapesAreLeftToJavaTime() {
        for (String text : new String[] { "2025-01-10T10:00:00.1+02:00", "2025-01-10T10:00:00", "2025-01-10 10:00:00Z",
                "2025-01-10T10:00:00.Z", "2025-01-10T10:00:00.1234567890Z", "2025-01-10T24:00:00Z",
                "2025-01-10T10:60:00Z", "20x5-01-10T10:00:00Z", "2025-01-10T10:00:00z", "" }) {
            assertNull(FastInstant.utc(text), text);
        }
    }
}
