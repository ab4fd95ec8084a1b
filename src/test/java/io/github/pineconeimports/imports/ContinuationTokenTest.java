package io.github.pineconeimports.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class ContinuationTokenTest {

    @Test
    void roundTripsUpstreamTokensWithBase64Characters() {
        for (String upstream : new String[] { null, "a+b/c==", "++//Ae8=", "line\nbreak", "ünïcode" }) {
            ContinuationToken token = new ContinuationToken(upstream, 42, "0123abcd");
            String wire = token.encode();
            assertTrue(wire.matches("pi1\\.[A-Za-z0-9_-]+"), "URL-safe without escaping: " + wire);
            assertEquals(token, ContinuationToken.decode(wire));
        }
    }

    @Test
    void malformedTokensAreRejectedNamingTheField() {
        String[] bad = { "", "pi1.", "pi1.!!!", "xyz", "pi1." + b64("onlyfingerprint"), "pi1." + b64("fp\nnotanumber\nx"),
                "pi1." + b64("fp\n-1\nx"), "pi1." + b64("\n1\nx"), "pi1." + "A".repeat(5000) };
        for (String token : bad) {
            InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> ContinuationToken.decode(token), token);
            assertEquals("paginationToken", e.field());
        }
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes());
    }
}
