package io.github.pineconeimports.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The emulator's imports, in creation order, and Pinecone's listing rules over them: pages of at most 100,
 * and an opaque base64 token for the next page ({@link PageToken}).
 */
public final class EmulatorStore {

    private static final String[] ERRORS = {
            "Invalid parquet file: missing column 'values'",
            "Access denied reading the import URI: check the storage integration",
            "Vector dimension 768 does not match the index dimension 1536",
            "Namespace record limit exceeded",
            "Malformed metadata in record 'doc-1182': not a JSON object",
    };

    private final Clock clock;
    private final Duration tick;
    private final List<EmulatedImport> imports = new ArrayList<>();
    private final Map<String, EmulatedImport> byId = new HashMap<>();
    private int nextId;
    // what it served, for tests that count a client's calls
    private int pagesServed;
    private int describesServed;

    public EmulatorStore(Clock clock, Duration tick, int seeded, long seed) {
        this.clock = clock;
        this.tick = tick;
        reset(seeded, seed);
    }

    /**
     * {@code clock}, moved so that it reads {@code start} now and runs on from there; {@code clock} itself when null.
     */
    public static Clock startingAt(Clock clock, Instant start) {
        return start == null ? clock : Clock.offset(clock, Duration.between(clock.instant(), start));
    }

    /**
     * The emulator's clock: {@code clock} from {@code start} (see {@link #startingAt}), or, with a step per listing, a
     * {@link ListingClock} that stands still at {@code start} (else now) and moves one step per listing.
     */
    public static Clock clock(Clock clock, Instant start, Duration stepPerListing) {
        return stepPerListing == null ? startingAt(clock, start) : new ListingClock(start != null ? start
                : clock.instant(), stepPerListing);
    }

    /** Starts over with {@code count} generated imports: older ones finished, the newest tenth still running. */
    public synchronized void reset(int count, long seed) {
        imports.clear();
        byId.clear();
        nextId = 1;
        Random random = new Random(seed);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < count; i++) {
            Instant created = now.minus(Duration.ofMinutes(37L * (count - i)));
            String uri = "s3://acme-vectors/imports/batch-" + String.format("%04d", i + 1) + "/";
            long total = 10_000L * (1 + random.nextInt(500));
            boolean recent = i >= count - Math.max(count / 10, 2);
            int roll = random.nextInt(100);
            String status;
            double percent;
            if (recent) {
                status = roll < 50 ? "Pending" : "InProgress";
                percent = status.equals("Pending") ? 0 : 1 + random.nextInt(98);
            } else {
                status = roll < 60 ? "Completed" : roll < 85 ? "Failed" : "Cancelled";
                percent = status.equals("Completed") ? 100 : random.nextInt(100);
            }
            Instant finished = recent ? null : created.plus(Duration.ofMinutes(5 + random.nextInt(30)));
            String error = status.equals("Failed") ? ERRORS[random.nextInt(ERRORS.length)] : null;
            add(EmulatedImport.seeded(String.valueOf(nextId++), uri, created, total, status, percent, finished, error));
        }
    }

    /**
     * Sets the seeded imports that are still running going: from where they stand, they move along the clock as
     * started ones do, and a few end Failed (every fifth one not yet past 60%). The standalone emulator does this, so
     * that a demo's
     * {@code watch} ends; the application's own emulator keeps them still, for tests that count them.
     */
    public synchronized void runSeeded() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < imports.size(); i++) {
            EmulatedImport seeded = imports.get(i);
            EmulatedImport running = seeded.running(now, tick, Integer.parseInt(seeded.id) % 5 == 0);
            imports.set(i, running);
            byId.put(running.id, running);
        }
    }

    /** POST /bulk/imports: a new import that moves along the clock. */
    public String start(String uri) {
        return start(uri, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * An import started at {@code at}, which may lie in the past: it finishes {@link #finishesAfter} later, so a test
     * or a demo can make imports finish exactly where it wants them, on a window's boundary or inside it.
     */
    public synchronized String start(String uri, Instant at) {
        EmulatedImport started = EmulatedImport.started(String.valueOf(nextId++), uri, at, 1_000_000L
                + 1_000L * imports.size());
        add(started);
        return started.id;
    }

    /** How long after its start an import with this URI finishes, Completed or (URI with "fail") Failed. */
    public Duration finishesAfter(String uri) {
        return EmulatedImport.finishesAfter(uri, tick);
    }

    public synchronized Optional<Map<String, Object>> describe(String id) {
        describesServed++;
        return Optional.ofNullable(byId.get(id)).map(i -> i.view(clock.instant(), tick));
    }

    public synchronized boolean cancel(String id) {
        EmulatedImport target = byId.get(id);
        if (target == null) {
            return false;
        }
        target.cancel(clock.instant(), tick);
        return true;
    }

    /** One page from {@code offset}; the answer's {@code next} is null on the last page. */
    public synchronized Page list(int offset, int limit) {
        pagesServed++;
        if (offset == 0 && clock instanceof ListingClock listing) {
            listing.listingStarted();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int end = Math.min(offset + limit, imports.size());
        List<Map<String, Object>> data = new ArrayList<>(Math.max(end - offset, 0));
        for (int i = offset; i < end; i++) {
            data.add(imports.get(i).view(now, tick));
        }
        return new Page(data, end < imports.size() ? PageToken.of(end) : null);
    }

    /** Pages of the listing served so far. */
    public synchronized int pagesServed() {
        return pagesServed;
    }

    /** Single imports described ({@code GET /bulk/imports/{id}}) so far. */
    public synchronized int describesServed() {
        return describesServed;
    }

    public synchronized int size() {
        return imports.size();
    }

    public record Page(List<Map<String, Object>> data, String next) {
    }

    private void add(EmulatedImport entry) {
        imports.add(entry);
        byId.put(entry.id, entry);
    }
}
