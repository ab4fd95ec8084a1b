package io.github.pineconeimports.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.client.ImportModel;

class ImportQueryTest {

    @Test
    void defaultsToEveryStatusAndAHundredPerAnswer() {
        ImportQuery q = parse(null, null, null, null, null, null);
        assertEquals(Set.of(), q.statuses());
        assertEquals(100, q.limit());
        assertFalse(q.all());
        assertNull(q.cursor());
        assertTrue(q.matches(model("Whatever")), "no status filter keeps unknown statuses too");
    }

    @Test
    void statusesAreCaseInsensitiveCommaSeparatedAndRepeatable() {
        ImportQuery q = parse(List.of("failed, CANCELLED", "in_progress", ""), "7", null, "false", null, null);
        assertEquals(Set.of(ImportStatus.FAILED, ImportStatus.CANCELLED, ImportStatus.IN_PROGRESS), q.statuses());
        assertEquals(List.of("InProgress", "Failed", "Cancelled"), q.statuses().stream().sorted().map(ImportStatus::wire).toList());
        assertTrue(q.matches(model("Failed")));
        assertTrue(q.matches(model("FAILED")));
        assertFalse(q.matches(model("Completed")));
        assertFalse(q.matches(model(null)));
    }

    @Test
    void rejectsWhatDoesNotFitNamingTheField() {
        assertField("status", () -> parse(List.of("Failed,Done"), null, null, null, null, null));
        for (String limit : List.of("0", "101", "-1", "1.5", "ten", "99999999999")) {
            assertField("limit", () -> parse(null, limit, null, null, null, null));
        }
        assertField("all", () -> parse(null, null, null, "yes", null, null));
        assertField("limit", () -> parse(null, "5", null, "true", null, null));
        assertField("since", () -> parse(null, null, null, null, "2025-13-01T00:00:00Z", null));
        assertField("until", () -> parse(null, null, null, null, "2025-01-02T00:00:00Z", "2025-01-01T00:00:00Z"));
        assertField("paginationToken", () -> parse(null, null, "abc", null, null, null));
    }

    @Test
    void unknownStatusErrorListsTheAllowedOnes() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> parse(List.of("Done"), null, null, null, null, null));
        assertEquals("Pending, InProgress, Failed, Completed, Cancelled", e.allowed());
        assertEquals("Done", e.value());
    }

    @Test
    void echoedValuesAreShortAndPrintable() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> parse(List.of("x\u0000\n" + "y".repeat(500)), null, null, null, null, null));
        assertTrue(e.value().length() <= 65, e.value());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(e.getMessage().contains("\u0000"));
    }

    @Test
    void timeWindowIsHalfOpenOnCreatedAt() {
        ImportQuery q = parse(null, null, null, null, "2025-01-01T00:00:00Z", "2025-01-02T00:00:00+00:00");
        assertTrue(q.matches(created("2025-01-01T00:00:00Z")));
        assertTrue(q.matches(created("2025-01-01T23:59:59.999Z")));
        assertFalse(q.matches(created("2025-01-02T00:00:00Z")));
        assertFalse(q.matches(created("2024-12-31T23:59:59Z")));
        assertFalse(q.matches(model("Failed")), "no createdAt: cannot be shown to be inside the window");
    }

    @Test
    void fingerprintDependsOnFilterAndIndexNotOnPageSize() {
        String a = parse(List.of("Failed", "Cancelled"), "5", null, null, null, null).fingerprint("h");
        String b = parse(List.of("cancelled,failed"), "50", null, null, null, null).fingerprint("h");
        assertEquals(a, b);
        assertNotEquals(a, parse(List.of("Failed"), null, null, null, null, null).fingerprint("h"));
        assertNotEquals(a, parse(List.of("Failed", "Cancelled"), null, null, null, null, null).fingerprint("other"));
        assertNotEquals(a, parse(List.of("Failed", "Cancelled"), null, null, null, "2025-01-01T00:00:00Z", null)
                .fingerprint("h"));
    }

    @Test
    void everyStatusNameParsesBackToItself() {
        Arrays.stream(ImportStatus.values()).forEach(s -> assertEquals(s, ImportStatus.parse(s.wire()).orElseThrow()));
        assertEquals(List.of(false, false, true, true, true),
                Arrays.stream(ImportStatus.values()).map(ImportStatus::isTerminal).toList());
    }

    /** The text fields as a face hands them to {@link QueryText#parse}. */
    private static ImportQuery parse(List<String> status, String limit, String paginationToken, String all, String since,
            String until) {
        Map<String, List<String>> fields = new java.util.HashMap<>();
        fields.put("status", status);
        fields.put("limit", limit == null ? null : List.of(limit));
        fields.put("paginationToken", paginationToken == null ? null : List.of(paginationToken));
        fields.put("all", all == null ? null : List.of(all));
        fields.put("since", since == null ? null : List.of(since));
        fields.put("until", until == null ? null : List.of(until));
        return QueryText.parse(fields);
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, call);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
    }

    private static ImportModel model(String status) {
        return new ImportModel("1", "s3://b/", status, null, null, null, null, null, Map.of());
    }

    private static ImportModel created(String at) {
        return new ImportModel("1", "s3://b/", "Failed", Instant.parse(at), null, null, null, null, Map.of());
    }
}
