package io.github.pineconeimports.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.UnknownHostException;

import io.github.pineconeimports.failure.Failure;
import io.smallrye.config.ConfigValidationException;
import picocli.CommandLine;

/**
 * The one map from what went wrong to an exit code of {@link Cli#EXIT_CODES}: picocli asks it for a command that
 * failed, {@link Main} for a start that failed. Codes that are outcomes, not failures (1, 4), are returned by the
 * commands themselves.
 */
final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {

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
            return oneLine(invalid.getMessage());
        }
        // the TLS registry refuses a store it cannot read with an IllegalStateException of its own
        return Failure.causes(thrown).filter(t -> t instanceof IllegalStateException && t.getStackTrace().length > 0
                && t.getStackTrace()[0].getClassName().startsWith("io.quarkus.tls.")
                && String.valueOf(t.getMessage()).startsWith("Invalid ")).findFirst()
                .map(t -> oneLine(t.getMessage() + " (" + Failure.root(t) + "): check quarkus.tls.* (such as"
                        + " QUARKUS_TLS_TRUST_STORE_PEM_CERTS)"))
                .orElse(null);
    }

    static String oneLine(String text) {
        return Output.printable(String.valueOf(text).strip().replaceAll("\\s+", " "));
    }
}
