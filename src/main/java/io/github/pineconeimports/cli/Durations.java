package io.github.pineconeimports.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.pineconeimports.imports.InvalidQueryException;
import picocli.CommandLine;

/** Command-line time values: {@code 30s}, {@code 15m}, {@code 24h}, {@code 7d}, or ISO-8601. */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    static Duration parse(String text) {
        Matcher m = SHORT.matcher(text.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a duration (like 30s, 15m, 24h, 7d or PT5S)");
        }
    }

    /** An instant, or a duration meaning that long ago; returned as ISO-8601 for the engine. */
    static String instantOrAgo(String option, String text, Instant now) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant().toString();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return now.minus(parse(text)).toString();
            } catch (CommandLine.TypeConversionException notADuration) {
                throw new InvalidQueryException(option, text, "an ISO-8601 instant or a duration ago such as 24h or 7d",
                        "'" + InvalidQueryException.clip(text) + "' is neither an instant nor a duration");
            }
        }
    }

    /** picocli converter for duration options. */
    static final class Converter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parse(value);
        }
    }
}
