package io.github.pineconeimports.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.function.lambda.FunctionUrlEvent;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.ImportStatus;
import io.github.pineconeimports.imports.Mode;

/** A Function URL request's query string follows the HTTP binding's rules; query and body are never both read. */
class FunctionUrlEventTest {

    private static Map<String, Object> request(String method, String query, String body) {
        Map<String, Object> event = new HashMap<>(Map.of("version", "2.0", "rawPath", "/", "requestContext",
                Map.of("http", Map.of("method", method))));
        event.put("rawQueryString", query);
        if (body != null) {
            event.put("body", body);
        }
        return event;
    }

    @Test
    void theQueryStringFollowsTheSameRules() {
        for (Map.Entry<String, String> refused : Map.of("status=", "status", "limit=1&limit=2", "limit", "since=%ZZ",
                "rawQueryString", "status=Failed,", "status", "stauts=Failed", "stauts").entrySet()) {
            InvalidQueryException e = assertThrows(InvalidQueryException.class,
                    () -> FunctionUrlEvent.fields(request("GET", refused.getKey(), null)).toQuery());
            assertEquals(refused.getValue(), e.field(), refused.getKey());
        }
        ImportQuery repeated = FunctionUrlEvent.fields(request("GET", "status=Failed&status=Cancelled&limit=5", null))
                .toQuery();
        assertEquals(java.util.Set.of(ImportStatus.FAILED, ImportStatus.CANCELLED), repeated.statuses());
        assertEquals(5, repeated.limit());
    }

    @Test
    void queryAndBodyAreNeverBothRead() {
        assertEquals("body", assertThrows(InvalidQueryException.class,
                () -> FunctionUrlEvent.fields(request("GET", "status=Failed", "{\"status\": \"Completed\"}"))).field());
        assertEquals("rawQueryString", assertThrows(InvalidQueryException.class,
                () -> FunctionUrlEvent.fields(request("POST", "status=Failed", null))).field());
        ImportQuery fromBody = FunctionUrlEvent
                .fields(request("POST", "", "{\"status\": [\"Completed\"], \"all\": true}")).toQuery();
        assertEquals(List.of(ImportStatus.COMPLETED), List.copyOf(fromBody.statuses()));
        assertEquals(Mode.ALL, fromBody.mode());
    }
}
