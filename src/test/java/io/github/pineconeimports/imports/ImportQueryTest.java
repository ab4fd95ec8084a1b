package io.github.pineconeimports.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.failure.InvalidQueryException;

class ImportQueryTest {

    @Test
    void defaultsToEveryStatusAndAHundredPerAnswer() {
        ImportQuery q = parse(null, null, null, null, null, null);
        assertEquals(Set.of(), q.statuses());
        assertEquals(100, q.limit());
        assertEquals(Mode.PAGE, q.mode());
        assertNull(q.cursor());
        assertTrue(q.matches(model("Whatever")), "no status filter keeps unknown statuses too");
    }

    @Test
    void statusesAreCaseInsensitiveCommaSeparatedAndRepeatable() {
        ImportQuery q = parse(List.of("failed, CANCELLED", "in_progress"), "7", null, "false", null, null);
        // a blank one among them is refused, not skipped: a template that rendered empty must not pass
        assertEquals("status", assertThrows(InvalidQueryException.class,
                () -> parse(List.of("failed", ""), null, null, null, null, null)).field());
        assertEquals(Set.of(ImportStatus.FAILED, ImportStatus.CANCELLED, ImportStatus.IN_PROGRESS), q.statuses());
        assertEquals(List.of("InProgress", "Failed", "Cancelled"),
                q.statuses().stream().sorted().map(ImportStatus::wire).toList());
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
    private static ImportQuery parse(List<String> status, String limit, String paginationToken, String all,
            String since, String until) {
        Map<String, List<String>> fields = new java.util.HashMap<>();
        fields.put("status", status);
        fields.put("limit", limit == null ? null : List.of(limit));
        fields.put("paginationToken", paginationToken == null ? null : List.of(paginationToken));
        fields.put("all", all == null ? null : List.of(all));
        fields.put("since", since == null ? null : List.of(since));
        fields.put("until", until == null ? null : List.of(until));
        return QueryText.parse(fields, null);
    }

    /** Text fields by name, as a JSON body would give them. */
    private static ImportQuery text(String... nameValue) {
        Map<String, List<String>> fields = new java.util.HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            fields.put(nameValue[i], List.of(nameValue[i + 1]));
        }
        return QueryText.parse(fields, Instant.parse("2026-11-22T12:00:00Z"));
    }

    @Test
    void finishWindowsAreHalfOpenAndNeedAFinishTime() {
        ImportQuery q = text("finishedSince", "2026-11-22T11:00:00Z", "finishedUntil", "2026-11-22T11:15:00Z");
        assertTrue(q.matches(finished("2026-11-22T11:00:00Z")), "the start belongs to the window");
        assertTrue(q.matches(finished("2026-11-22T11:14:59.999999999Z")));
        assertFalse(q.matches(finished("2026-11-22T11:15:00Z")), "the end belongs to the next window");
        assertFalse(q.matches(model("Failed")), "no finishedAt never matches a finish filter");
        assertTrue(text().matches(model("Failed")), "without a finish filter, unfinished imports match");
    }

    @Test
    void finishedWithinEndsAtAsOfOrTheTriggerTime() {
        ImportQuery explicit = text("finishedWithin", "PT15M", "asOf", "2026-11-22T11:15:00Z");
        assertEquals(new Window(Instant.parse("2026-11-22T11:00:00Z"), Instant.parse("2026-11-22T11:15:00Z")),
                explicit.finished());
        ImportQuery triggered = text("finishedWithin", "15m");
        assertEquals(new Window(Instant.parse("2026-11-22T11:45:00Z"), Instant.parse("2026-11-22T12:00:00Z")),
                triggered.finished(),
                "asOf defaults to the trigger's time, and the CLI's 15m means PT15M");
        assertEquals(Instant.parse("2026-11-22T12:00:00Z"), triggered.asOf());
        Window week = text("finishedWithin", "7d").finished();
        assertEquals(Duration.ofDays(7), Duration.between(week.since(), week.until()));
    }

    @Test
    void aWalkKeepsTheAsOfItStartedWith() {
        ImportQuery first = text("finishedWithin", "PT1H");
        String token = new ContinuationToken(first.fingerprint("h"), 0, 3, first.asOf(), "up+/=").encode();
        Map<String, List<String>> next = Map.of("finishedWithin", List.of("PT1H"), "paginationToken", List.of(token));
        ImportQuery later = QueryText.parse(next, Instant.parse("2030-01-01T00:00:00Z"));
        assertEquals(first.finished(), later.finished(), "the token's asOf, not the later trigger's");
        assertEquals(first.fingerprint("h"), later.fingerprint("h"));
    }

    @Test
    void badFinishFiltersAre400sNamingTheField() {
        assertField("finishedWithin", () -> text("finishedWithin", "PT15M", "finishedSince", "2026-11-22T11:00:00Z"));
        assertField("finishedWithin", () -> text("finishedWithin", "PT15M", "finishedUntil", "2026-11-22T11:00:00Z"));
        assertField("finishedWithin", () -> text("finishedWithin", "PT0S"));
        assertField("finishedWithin", () -> text("finishedWithin", "-15m"));
        assertField("finishedWithin", () -> text("finishedWithin", "soon"));
        assertField("finishedWithin", () -> text("finishedWithin", "900"));
        assertField("finishedSince", () -> text("finishedSince", "2026-11-31T00:00:00Z"));
        assertField("asOf", () -> text("asOf", "yesterday", "finishedWithin", "PT1H"));
        assertField("asOf", () -> text("asOf", "2026-11-22T11:00:00Z"));
        assertField("finishedUntil",
                () -> text("finishedSince", "2026-11-22T11:00:00Z", "finishedUntil", "2026-11-22T11:00:00Z"));
    }

    @Test
    void theFinishWindowIsPartOfTheFingerprint() {
        assertNotEquals(text("finishedWithin", "PT15M").fingerprint("h"),
                text("finishedWithin", "PT30M").fingerprint("h"));
        assertNotEquals(text("finishedWithin", "PT15M", "asOf", "2026-11-22T11:00:00Z").fingerprint("h"),
                text("finishedWithin", "PT15M", "asOf", "2026-11-22T11:15:00Z").fingerprint("h"));
    }

    private static ImportModel finished(String at) {
        return new ImportModel("1", "s3://b/", "Failed", null, Instant.parse(at), null, null, null, Map.of());
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
