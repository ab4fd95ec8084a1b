package io.github.pineconeimports.imports;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.pineconeimports.failure.InvalidQueryException;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * The one parser of text input: query parameters, JSON fields, Lambda events and CloudEvent data all arrive as
 * field → values, and every value that does not fit is an {@link InvalidQueryException} naming the field, the
 * value and what is allowed.
 */
public final class QueryText {

    /** Every field a caller may send. */
    public static final List<String> FIELDS = List.of("status", "limit", "paginationToken", "all", "counts", "since",
            "until", "finishedSince", "finishedUntil", "finishedWithin", "asOf", "index");
    static final String LIMIT_ALLOWED = "an integer from 1 to " + ImportQuery.MAX_LIMIT;
    static final String DURATION_ALLOWED = "a positive ISO-8601 duration such as PT15M or P1D, or 15m, 24h, 7d, up to "
            + ImportQuery.MAX_SPAN.toDays() + "d";
    static final String INSTANT_ALLOWED = "an ISO-8601 instant such as 2025-01-31T09:30:00Z, from "
            + ImportQuery.EARLIEST + " to "
            + ImportQuery.LATEST;
    private static final Pattern SMALL_INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private QueryText() {
    }

    /** The fields that may be given several times in a query string (a list); every other one at most once. */
    public static final Set<String> REPEATABLE = Set.of("status", "index");

    /**
     * Builds a query from field → values. A field that is absent, or JSON {@code null} (as generated OpenAPI clients
     * send every optional field they were not given), is not given. A field that is present must carry a value: an
     * empty list, a blank value, an empty name between commas, or a non-{@link #REPEATABLE} field given twice is
     * refused, never read as "no filter". Each status and index value
     * may itself be a comma-separated list. {@code defaultAsOf} is what {@code asOf} means when not given: the time
     * of the trigger that fired, or null for now.
     */
    public static ImportQuery parse(Map<String, ? extends Collection<String>> fields, Instant defaultAsOf) {
        for (Map.Entry<String, ? extends Collection<String>> field : fields.entrySet()) {
            if (field.getValue() != null) {
                present(field.getKey(), field.getValue());
            }
        }
        return ImportQuery.builder()
                .statuses(statuses(fields.get("status")))
                .all(bool("all", one(fields, "all")))
                .counts(bool("counts", one(fields, "counts")))
                .limit(limit(one(fields, "limit")))
                .paginationToken(one(fields, "paginationToken"))
                .createdSince(instant("since", one(fields, "since")))
                .createdUntil(instant("until", one(fields, "until")))
                .finishedSince(instant("finishedSince", one(fields, "finishedSince")))
                .finishedUntil(instant("finishedUntil", one(fields, "finishedUntil")))
                .finishedWithin(duration("finishedWithin", one(fields, "finishedWithin")))
                .asOf(instant("asOf", one(fields, "asOf")))
                .defaultAsOf(defaultAsOf)
                .indexes(list(fields.get("index")))
                .build();
    }

    /** Status names, case-insensitive, comma-separated or repeated. */
    public static Set<ImportStatus> statuses(Collection<String> values) {
        Set<ImportStatus> statuses = EnumSet.noneOf(ImportStatus.class);
        for (String part : list(values)) {
            statuses.add(ImportStatus.parse(part).orElseThrow(() -> new InvalidQueryException("status", part,
                    String.join(", ", ImportStatus.NAMES), "unknown status '" + InvalidQueryException.clip(part)
                            + "'")));
        }
        return statuses;
    }

    /** Values that may each be a comma-separated list, stripped (checked by {@link #present} first). */
    private static List<String> list(Collection<String> values) {
        List<String> parts = new ArrayList<>();
        for (String entry : values == null ? List.<String>of() : values) {
            for (String part : entry.split(",", -1)) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    /**
     * A present field carries a value: refuses an empty list, a blank value or list item, and a repeated single field.
     */
    private static void present(String field, Collection<String> values) {
        boolean list = REPEATABLE.contains(field);
        String leaveOut = "; give a value, or leave " + field + " out";
        if (values.isEmpty()) {
            throw new InvalidQueryException(field, "", allowed(field), "an empty list is not a value" + leaveOut);
        }
        if (!list && values.size() > 1) {
            throw new InvalidQueryException(field, String.join(",", values.stream().map(String::valueOf).toList()),
                    allowed(field),
                    "given " + values.size() + " times; give it once");
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new InvalidQueryException(field, value, allowed(field), "a blank value is not a value"
                        + leaveOut);
            }
            if (list && Arrays.stream(value.split(",", -1)).anyMatch(String::isBlank)) {
                throw new InvalidQueryException(field, value, allowed(field), "'" + InvalidQueryException.clip(value)
                        + "' has an empty name between commas");
            }
        }
    }

    /** What a field takes, for the error that refuses it. */
    static String allowed(String field) {
        return switch (field) {
            case "status" -> String.join(", ", ImportStatus.NAMES);
            case "limit" -> LIMIT_ALLOWED;
            case "all", "counts" -> "true, false";
            case "paginationToken" -> "the pagination.next of an earlier answer";
            case "finishedWithin" -> DURATION_ALLOWED;
            case "index" -> IndexNames.ALLOWED;
            default -> INSTANT_ALLOWED;
        };
    }

    private static String one(Map<String, ? extends Collection<String>> fields, String name) {
        Collection<String> values = fields.get(name);
        return values == null ? null : values.iterator().next();
    }

    private static Integer limit(String text) {
        // ASCII digits only: Integer.parseInt would also take other scripts' digits
        if (text != null && !SMALL_INTEGER.matcher(text.strip()).matches()) {
            throw new InvalidQueryException("limit", text, LIMIT_ALLOWED, "'" + InvalidQueryException.clip(text)
                    + "' is not an integer");
        }
        return text == null ? null : Integer.valueOf(text.strip());
    }

    private static boolean bool(String field, String text) {
        return text != null && switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidQueryException(field, text, "true, false",
                    "'" + InvalidQueryException.clip(text) + "' is not a boolean");
        };
    }

    /** ISO-8601, or the short forms Quarkus configuration reads (15m, 24h, 7d); a bare number has no unit, so no. */
    static Duration duration(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            if (!DIGITS.matcher(text.strip()).matches()) {
                return DurationConverter.parseDuration(text);
            }
        } catch (RuntimeException notADuration) {
            // reported below
        }
        throw new InvalidQueryException(field, text, DURATION_ALLOWED, "'" + InvalidQueryException.clip(text)
                + "' is not a duration");
    }

    static Instant instant(String field, String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(field, text, INSTANT_ALLOWED, "'" + InvalidQueryException.clip(text)
                    + "' is not an instant");
        }
    }
}
