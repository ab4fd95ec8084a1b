package io.github.pineconeimports.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;

import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.ImportStatus;
import io.quarkus.runtime.configuration.DurationConverter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli's converters for the typed options: statuses, durations, and instants given as "that long ago". */
final class Converters {

    private Converters() {
    }

    /** {@code Failed}, {@code failed}, {@code in_progress}: the names a filter can ask for. */
    static final class Status implements ITypeConverter<ImportStatus> {
        @Override
        public ImportStatus convert(String value) {
            if (value.isBlank()) {
                return null; // an empty item, which Cli.refuseEmptyItems refuses wherever it stands in the list
            }
            return ImportStatus.parse(value).orElseThrow(() -> new TypeConversionException(
                    "unknown status '" + value + "' (allowed: " + String.join(", ", ImportStatus.NAMES) + ")"));
        }
    }

    /** {@code --limit}: picocli's own word on {@code abc} ("is not an int") would not say what is allowed. */
    static final class Limit implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not an integer (allowed: an integer from 1 to "
                        + ImportQuery.MAX_LIMIT + ")");
            }
        }
    }

    /** Shell completion offers the wire names, not the enum's. */
    static final class StatusNames extends ArrayList<String> {
        StatusNames() {
            super(ImportStatus.NAMES);
        }
    }

    /**
     * {@code 30s}, {@code 15m}, {@code 24h}, {@code 7d}, {@code 200ms} or ISO-8601, as Quarkus configuration reads
     * them. */
    static final class Span implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration duration;
            try {
                duration = DurationConverter.parseDuration(value);
            } catch (RuntimeException e) {
                duration = null;
            }
            if (duration == null || duration.isNegative()) {
                throw new TypeConversionException("'" + value + "' is not a duration (like 30s, 15m, 24h, 7d or PT5S)");
            }
            if (duration.compareTo(ImportQuery.MAX_SPAN) > 0) {
                throw new TypeConversionException("'" + value + "' is out of range (at most "
                        + ImportQuery.MAX_SPAN.toDays() + "d)");
            }
            return duration;
        }

        /** As a person writes it: 5s, 1m30s, 2h. */
        static String show(Duration duration) {
            return duration.toString().substring(2).toLowerCase(Locale.ROOT);
        }
    }

    /** An ISO-8601 instant, or a duration meaning that long before the command runs. */
    record Moment(Instant at, Duration ago) {
        Instant resolve(Instant now) {
            return at != null ? at : now.minus(ago);
        }
    }

    static final class When implements ITypeConverter<Moment> {
        @Override
        public Moment convert(String value) {
            try {
                Instant at = OffsetDateTime.parse(value.strip()).toInstant();
                if (at.isBefore(ImportQuery.EARLIEST) || at.isAfter(ImportQuery.LATEST)) {
                    throw new TypeConversionException("'" + value + "' is out of range (" + ImportQuery.EARLIEST
                            + " to " + ImportQuery.LATEST + ")");
                }
                return new Moment(at, null);
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return new Moment(null, new Span().convert(value));
                } catch (TypeConversionException notADuration) {
                    if (notADuration.getMessage().contains("out of range")) {
                        throw notADuration;
                    }
                    throw new TypeConversionException("'" + value
                            + "' is neither an ISO-8601 instant nor a duration ago such as 24h or 7d");
                }
            }
        }
    }
}
