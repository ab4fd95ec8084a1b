package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.pineconeimports.emulator.EmulatorMount;
import io.github.pineconeimports.emulator.EmulatorStore;
import io.github.pineconeimports.support.ManualClock;
import io.github.pineconeimports.support.Walk;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Finish-time windows, the way a schedule uses them: windows that tile a range (asOf = t, t+d, t+2d, ...) report
 * every import that finished in the range exactly once, and one that finishes exactly on a boundary belongs to
 * the later window. The emulator holds imports that finish on, just after, inside and just before each boundary,
 * over two upstream pages, plus imports that have not finished (which no finish window reports).
 */
@QuarkusTest
@TestProfile(ManualClock.Profile.class)
class FinishWindowTest {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int WINDOWS = 6;
    static final List<Duration> OFFSETS = List.of(Duration.ZERO, Duration.ofNanos(1), WINDOW.dividedBy(2),
            WINDOW.minusNanos(1));

    @Inject
    EmulatorMount emulator;

    @Inject
    ManualClock clock;

    Instant start;
    final Map<String, Instant> finishedAt = new HashMap<>();
    final Map<String, Boolean> failed = new HashMap<>();

    @BeforeEach
    void importsFinishingOnAndAroundEveryBoundary() {
        EmulatorStore store = emulator.store();
        store.reset(0, 42);
        Instant now = clock.instant();
        start = now.minus(WINDOW.multipliedBy(WINDOWS + 2)).truncatedTo(ChronoUnit.HOURS);
        finishedAt.clear();
        failed.clear();
        // one window before the range and one after it, so the edges are tested from both sides
        for (int k = -1; k <= WINDOWS; k++) {
            for (Duration offset : OFFSETS) {
                for (String kind : List.of("ok", "will-fail", "ok-too", "also-fail")) {
                    String uri = "s3://bucket/w" + k + "/" + offset + "/" + kind + "/";
                    Instant finish = start.plus(WINDOW.multipliedBy(k)).plus(offset);
                    String id = store.start(uri, finish.minus(store.finishesAfter(uri)));
                    finishedAt.put(id, finish);
                    failed.put(id, kind.contains("fail"));
                }
            }
        }
        for (int i = 0; i < 5; i++) {
            store.start("s3://bucket/running-" + i + "/", now); // started now: not finished
        }
        assertTrue(store.size() > 100, "more than one upstream page");
    }

    @Test
    void tiledWindowsReportEveryImportInTheRangeExactlyOnce() {
        Map<String, Integer> reportedIn = new HashMap<>();
        for (int j = 1; j <= WINDOWS; j++) {
            for (String id : idsFinishedWithin(j, Map.of("all", "true"))) {
                Integer earlier = reportedIn.put(id, j);
                assertEquals(null, earlier, "import " + id + " reported by window " + earlier + " and again by " + j);
            }
        }
        Map<String, Integer> expected = new HashMap<>();
        finishedAt.forEach((id, finish) -> {
            long window = Duration.between(start, finish).toNanos() / WINDOW.toNanos() + 1;
            if (!finish.isBefore(start) && window <= WINDOWS) {
                expected.put(id, (int) window);
            }
        });
        assertEquals(expected, reportedIn,
                "each import in the window its finish time falls in, a boundary in the later one");
        assertEquals(WINDOWS * OFFSETS.size() * 4, reportedIn.size());
    }

    @Test
    void theStatusFilterCombinesWithTheWindow() {
        for (int j = 1; j <= WINDOWS; j++) {
            List<String> failedOnes = idsFinishedWithin(j, Map.of("all", "true", "status", "Failed,Cancelled"));
            assertEquals(idsFinishedWithin(j, Map.of("all", "true")).stream().filter(failed::get).toList(), failedOnes);
        }
    }

    @Test
    void insideAWindowAWalkWithAnyLimitReturnsWhatAllReturns() {
        for (int j : new int[] { 1, 3, WINDOWS }) {
            List<String> all = idsFinishedWithin(j, Map.of("all", "true"));
            for (int limit : new int[] { 1, 3, 7, 100 }) {
                List<JsonPath> pages = Walk.pages(() -> window(j, Map.of("limit", String.valueOf(limit))),
                        "/listImports", all.size() + 2);
                assertEquals(all, Walk.collect(pages, "id"), "window " + j + ", limit " + limit);
                pages.forEach(page -> assertEquals(at(j).toString(), page.getString("summary.finishedUntil")));
            }
        }
    }

    @Test
    void finishedSinceAndUntilAreTheSameWindow() {
        for (int j = 1; j <= WINDOWS; j++) {
            List<String> since = given().queryParam("finishedSince", at(j - 1).toString())
                    .queryParam("finishedUntil", at(j).toString()).queryParam("all", true).get("/listImports").then()
                    .statusCode(200).extract().jsonPath().getList("data.id");
            assertEquals(idsFinishedWithin(j, Map.of("all", "true")), since);
        }
    }

    private List<String> idsFinishedWithin(int j, Map<String, String> more) {
        JsonPath answer = window(j, more).get("/listImports").then().statusCode(200).extract().jsonPath();
        assertEquals(at(j - 1).toString(), answer.getString("summary.finishedSince"));
        return answer.getList("data.id");
    }

    /** Window j is [start + (j-1)·d, start + j·d): the schedule's run at start + j·d. */
    private RequestSpecification window(int j, Map<String, String> more) {
        return given().queryParam("finishedWithin", "PT15M").queryParam("asOf", at(j).toString())
                .queryParams(new HashMap<>(more));
    }

    private Instant at(int j) {
        return start.plus(WINDOW.multipliedBy(j));
    }
}
