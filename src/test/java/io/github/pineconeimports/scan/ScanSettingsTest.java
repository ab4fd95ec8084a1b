package io.github.pineconeimports.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.failure.PineconeConfigException;

/** The scan's settings are refused, naming the variable and what it allows, rather than guessed. */
class ScanSettingsTest {

    private static ScanSettings of(String interval, String indexes) {
        return ScanSettings.of(new ScanConfig() {
            @Override
            public Optional<String> interval() {
                return Optional.ofNullable(interval);
            }

            @Override
            public Optional<String> indexes() {
                return Optional.ofNullable(indexes);
            }
        });
    }

    @Test
    void offUnlessAnIntervalIsGiven() {
        assertNull(of(null, "alpha"));
        assertEquals(new ScanSettings(Duration.ofMinutes(1), List.of()), of("PT1M", null));
        assertEquals(Duration.ofSeconds(30), of("30s", null).interval(), "as Quarkus reads durations");
        assertEquals(Duration.ofMinutes(1), of(" 1m ", null).interval());
        assertEquals(List.of("beta", "alpha"), of("PT1S", " beta, alpha").indexes());
        assertEquals(List.of("*"), of("PT1M", "*").indexes());
    }

    @Test
    void outOfRangeBlankRepeatedOrMalformedIsRefused() {
        for (String interval : List.of("PT0S", "0s", "500ms", "PT1M0.001S", "2h", "-PT1M", "abc", "1 m",
                "every minute", "")) {
            PineconeConfigException e = assertThrows(PineconeConfigException.class, () -> of(interval, null), interval);
            assertTrue(e.getMessage().startsWith("IMPORTS_SCAN_INTERVAL is ")
                    && e.getMessage().contains("from 1s to 1m"), e.getMessage());
        }
        for (String indexes : List.of("", " ", "alpha,", "alpha,,beta", "alpha,alpha", "Alpha", "alpha,*", "a_b")) {
            PineconeConfigException e = assertThrows(PineconeConfigException.class, () -> of("PT1M", indexes), indexes);
            assertTrue(e.getMessage().startsWith("IMPORTS_SCAN_INDEXES is '" + indexes + "': "), e.getMessage());
        }
        assertTrue(assertThrows(PineconeConfigException.class, () -> of("PT1M", "alpha,alpha")).getMessage()
                .contains("'alpha' is given twice"));
    }
}
