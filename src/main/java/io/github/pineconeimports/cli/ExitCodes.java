package io.github.pineconeimports.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.pineconeimports.failure.Failure;
import io.smallrye.config.ConfigValidationException;
import picocli.CommandLine;

/**
 * The one map from what went wrong to an exit code of {@link Cli#EXIT_CODES}: picocli asks it for a command that
 * failed, {@link Main} for a start that failed. Codes that are outcomes, not failures (1, 4), are returned by the
 * commands themselves.
 */
final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {

    // SmallRye Config's word on a value it could not convert, said again as the user set it
    private static final Pattern CONVERSION = Pattern.compile("The config property (\\S+) with the config value .*?"
            + " whilst being converted (?:SRCFG\\d+: )?(.*)$");

    static final ExitCodes MAP = new ExitCodes();

    private ExitCodes() {
    }

    @Override
    public int getExitCode(Throwable thrown) {
        if (thrown instanceof CommandLine.ParameterException || unreadableSetting(thrown) != null) {
            return Cli.USAGE;
        }
        // a failure of ours says what it is, whatever its causes (an unknown host is Pinecone's, not a listening one)
        if (Failure.find(thrown) == null && cannotListen(thrown) != null) {
            return Cli.CANNOT_LISTEN;
        }
        return switch (Failure.kindOf(thrown)) {
            case INVALID_INPUT, NOT_CONFIGURED, TOO_LARGE -> Cli.USAGE;
            case UPSTREAM_REJECTED, UPSTREAM_UNAVAILABLE, UPSTREAM_THROTTLED, DEADLINE, UPSTREAM_ANOMALY ->
                Cli.UPSTREAM;
            case INTERNAL -> Cli.BUG;
        };
    }

    /** The failure to listen (a taken port, an address not this machine's) among the causes, or null. */
    static IOException cannotListen(Throwable thrown) {
        return (IOException) Failure.causes(thrown).filter(t -> t instanceof BindException
                || t instanceof UnknownHostException).findFirst().orElse(null);
    }

    /**
     * A setting that could not be used, as said by whoever refused it, or null: SmallRye Config's word on a value it
     * could not read (a number that is not one), or the TLS registry's on a trust store it could not read.
     */
    static String unreadableSetting(Throwable thrown) {
        ConfigValidationException invalid = Failure.find(thrown, ConfigValidationException.class);
        if (invalid != null) {
            String said = oneLine(invalid.getMessage());
            Matcher conversion = CONVERSION.matcher(said);
            return conversion.find() ? variable(conversion.group(1)) + " (" + conversion.group(1) + ") cannot be read: "
                    + conversion.group(2) : said;
        }
        // the HTTP server refuses a port out of range when it starts, not when its setting is read
        Throwable port = Failure.causes(thrown).filter(t -> t instanceof IllegalArgumentException
                && String.valueOf(t.getMessage()).startsWith("port ")).findFirst().orElse(null);
        if (port != null) {
            return "QUARKUS_HTTP_PORT (quarkus.http.port): " + oneLine(port.getMessage()) + " (0 picks a free one)";
        }
        // the TLS registry refuses a store it cannot read with an IllegalStateException of its own
        return Failure.causes(thrown).filter(t -> t instanceof IllegalStateException && t.getStackTrace().length > 0
                && t.getStackTrace()[0].getClassName().startsWith("io.quarkus.tls.")
                && String.valueOf(t.getMessage()).startsWith("Invalid ")).findFirst()
                .map(t -> oneLine(t.getMessage() + " (" + Failure.root(t) + "): check quarkus.tls.* (such as"
                        + " QUARKUS_TLS_TRUST_STORE_PEM_CERTS)"))
                .orElse(null);
    }

    /** The variable a user sets for a property: {@code pinecone.retries} is {@code PINECONE_RETRIES}. */
    private static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static String oneLine(String text) {
        return Output.printable(String.valueOf(text).strip().replaceAll("\\s+", " "));
    }
}
