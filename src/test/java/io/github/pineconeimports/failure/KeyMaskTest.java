package io.github.pineconeimports.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key is masked where it stands as a token, never inside other words; a real-length key wherever it is. */
class KeyMaskTest {

    @ParameterizedTest
    @ValueSource(strings = { "x", "ce", "Exc" })
    void aShortKeyIsMaskedAsAWholeTokenOnly(String key) {
        String message = "Could not reach Pinecone: ConnectException: Connection refused";
        assertEquals(message, KeyMask.mask(message, key));
        assertEquals("Api-Key: *** rejected (key=***)",
                KeyMask.mask("Api-Key: " + key + " rejected (key=" + key + ")", key));
        assertEquals("*** ***", KeyMask.mask(key + " " + key, key));
    }

    @Test
    void aRealKeyIsMaskedWhereverItAppears() {
        String key = "pcsk_4fT9x_2LqzQ8mWv3";
        assertEquals("Invalid API key ***, token=***; glued:x***y",
                KeyMask.mask("Invalid API key " + key + ", token=" + key + "; glued:x" + key + "y", key));
    }

    @Test
    void noKeyNoChange() {
        assertEquals("text", KeyMask.mask("text", null));
        assertEquals("text", KeyMask.mask("text", ""));
        assertEquals(null, KeyMask.mask(null, "k"));
    }
}
