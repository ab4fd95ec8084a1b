package io.github.pineconeimports.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.failure.PineconeConfigException;

/** A key as users store it: the newline a secret or a file ends with is not part of it; one inside it is refused. */
class ConnectionTest {

    static final String KEY = "pcsk_SECRETVALUE123";

    static Connection with(String key) {
        return new Connection(null, "2025-01", "http://127.0.0.1:1", null, "https://api.pinecone.io",
                Duration.ofSeconds(1), Duration.ofSeconds(1)).withApiKey(key);
    }

    @Test
    void whatSurroundsTheKeyIsNotPartOfIt() {
        for (String stored : new String[] { KEY + "\n", KEY + "\r\n", " " + KEY + "\t" }) {
            assertEquals(KEY, with(stored).apiKey());
            assertEquals("127.0.0.1:1", with(stored).host().baseUri().getRawAuthority());
        }
    }

    @Test
    void aKeyAHeaderCannotCarryIsASettingThatNeverEchoesIt() {
        for (String stored : new String[] { KEY + "\nsecond-line", "pcsk_SECRET VALUE123", "pcsk_SECRET\u0000VALUE" }) {
            PineconeConfigException refused = assertThrows(PineconeConfigException.class, () -> with(stored).host());
            assertTrue(refused.getMessage().contains("PINECONE_API_KEY"), refused.getMessage());
            assertFalse(refused.getMessage().contains("SECRET"), refused.getMessage());
        }
    }
}
