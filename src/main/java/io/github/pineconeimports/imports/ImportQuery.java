package io.github.pineconeimports.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.pineconeimports.client.ImportModel;

/**
 * What a caller wants listed. {@link #parse} is the one place where raw input (query parameters, JSON
 * fields, command-line flags) becomes a query, so every face accepts and rejects exactly the same things.
 *
 * @param statuses  the statuses to keep; empty keeps every import, whatever its status
 * @param limit     matching imports per answer, 1..100
 * @param cursor    where an earlier answer stopped, or null to start at the beginning
 * @param all       every match in one answer (no {@code limit})
 * @param since     keep imports created at or after this instant, or null
 * @param until     keep imports created before this instant, or null
 */
public record ImportQuery(Set<ImportStatus> statuses, int limit, ContinuationToken cursor, boolean all,
        Instant since, Instant until) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 100;

    public ImportQuery {
        statuses = statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
    }

    /**
     * Builds a query from raw text. Each status entry may itself be a comma-separated list; blanks are
     * ignored. Any value that does not fit is an {@link InvalidQueryException} naming the field.
     */
    public static ImportQuery parse(Collection<String> status, String limit, String paginationToken, String all,
            String since, String until) {
        EnumSet<ImportStatus> statuses = EnumSet.noneOf(ImportStatus.class);
        if (status != null) {
            for (String entry : status) {
                for (String part : entry == null ? new String[0] : entry.split(",")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    statuses.add(ImportStatus.parse(part).orElseThrow(() -> new InvalidQueryException("status", part,
                            String.join(", ", ImportStatus.NAMES), "unknown status '" + InvalidQueryException.clip(part) + "'")));
                }
            }
        }
        boolean everything = parseBoolean("all", all);
        if (everything && present(limit)) {
            throw new InvalidQueryException("limit", limit, "limit or all=true, not both",
                    "limit cannot be combined with all=true, which returns every match");
        }
        int pageSize = present(limit) ? parseLimit(limit) : DEFAULT_LIMIT;
        ContinuationToken cursor = present(paginationToken) ? ContinuationToken.decode(paginationToken.strip()) : null;
        Instant from = parseInstant("since", since);
        Instant to = parseInstant("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("until", until, "an instant after since", "until must be after since");
        }
        return new ImportQuery(statuses, pageSize, cursor, everything, from, to);
    }

    /** Whether an import passes the status filter and the time window. */
    public boolean matches(ImportModel model) {
        if (!statuses.isEmpty() && statuses.stream().noneMatch(s -> s.matches(model.status()))) {
            return false;
        }
        if (since == null && until == null) {
            return true;
        }
        Instant created = model.createdAt();
        return created != null && (since == null || !created.isBefore(since)) && (until == null || created.isBefore(until));
    }

    /**
     * Identifies the filter (not the page size) on a given index, so that a continuation token is only
     * accepted by the query that issued it.
     */
    public String fingerprint(String indexHost) {
        String filter = indexHost + "|" + statuses.stream().map(ImportStatus::wire).sorted().toList() + "|" + since + "|"
                + until;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(filter.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int parseLimit(String text) {
        String allowed = "an integer from 1 to " + MAX_LIMIT;
        int value;
        try {
            // ASCII digits only: Integer.parseInt would also take other scripts' digits
            if (!text.strip().matches("[0-9]{1,9}")) {
                throw new NumberFormatException();
            }
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("limit", text, allowed, "'" + InvalidQueryException.clip(text) + "' is not an integer");
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw new InvalidQueryException("limit", text, allowed, value + " is out of range");
        }
        return value;
    }

    private static boolean parseBoolean(String field, String text) {
        if (!present(text)) {
            return false;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidQueryException(field, text, "true, false",
                    "'" + InvalidQueryException.clip(text) + "' is not a boolean");
        };
    }

    private static Instant parseInstant(String field, String text) {
        if (!present(text)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(field, text, "an ISO-8601 instant such as 2025-01-31T09:30:00Z",
                    "'" + InvalidQueryException.clip(text) + "' is not an instant");
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** The statuses, for messages and logs. */
    public List<String> statusNames() {
        return statuses.stream().sorted().map(ImportStatus::wire).toList();
    }
}
