package io.github.pineconeimports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.PineconeException;

/** A start that failed after it may have reached Pinecone says so, and how to look; other failures stay as they are. */
class StartCommandTest {

    static final Instant SENT = Instant.parse("2026-12-05T03:00:00Z");

    @Test
    void aStartThatMayHaveReachedPineconeSaysHowToLook() {
        for (Failure failure : new Failure[] { PineconeException.unreachable("no complete answer within 7000 ms"),
                PineconeException.answered(503, 14, "Service unavailable", null),
                PineconeException.anomaly("Pinecone accepted the start but named no import id") }) {
            Failure said = StartCommand.maybeStarted(failure, SENT, " --index beta");
            assertEquals(failure.kind(), said.kind(), "the same exit code");
            assertEquals(failure.getMessage() + "; the import may have been created, so it was not started again;"
                    + " look with: pinecone-imports list --since 2026-12-05T02:59:00Z --index beta", said.getMessage());
        }
    }

    @Test
    void aStartPineconeRefusedIsSaidAsItCame() {
        Failure refused = PineconeException.answered(400, 3, "Invalid uri", null);
        assertSame(refused, StartCommand.maybeStarted(refused, SENT, ""), "refused: nothing was created");
    }
}
