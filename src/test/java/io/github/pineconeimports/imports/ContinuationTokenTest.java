package io.github.pineconeimports.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.failure.InvalidQueryException;

class ContinuationTokenTest {

    @Test
    void roundTripsUpstreamTokensWithBase64Characters() {
        for (String upstream : new String[] { null, "a+b/c==", "++//Ae8=", "line\nbreak", "ünïcode" }) {
            for (Instant asOf : new Instant[] { null, Instant.parse("2026-11-22T12:00:00.123456789Z") }) {
                ContinuationToken token = new ContinuationToken("0123abcd", 2, 42, asOf, upstream);
                String wire = token.encode();
                assertTrue(wire.matches("pi2\\.[A-Za-z0-9_-]+"), "URL-safe without escaping: " + wire);
                assertEquals(token, ContinuationToken.decode(wire));
            }
        }
    }

    @Test
    void malformedTokensAreRejectedNamingTheField() {
        String[] bad = { "", "pi2.", "pi2.!!!", "xyz", "pi1." + b64("fp\n1\nx"), "pi2." + b64("onlyfingerprint"),
                "pi2." + b64("fp\n0\nnotanumber\n\nx"), "pi2." + b64("fp\n0\n-1\n\nx"), "pi2." + b64("fp\n-1\n0\n\nx"),
                "pi2." + b64("\n0\n1\n\nx"), "pi2." + b64("fp\n0\n1\nnot-an-instant\nx"), "pi2." + "A".repeat(5000) };
        for (String token : bad) {
            InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> ContinuationToken.decode(token),
                    token);
            assertEquals("paginationToken", e.field());
        }
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes());
    }
}
