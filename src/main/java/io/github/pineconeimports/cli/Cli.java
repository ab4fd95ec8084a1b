package io.github.pineconeimports.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.InvalidQueryException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pinecone-imports} command and the exit codes every subcommand shares. Errors are one line on
 * stderr, never a stack trace.
 */
@Command(name = "pinecone-imports", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Knows the state of Pinecone bulk imports: list or count them by status, watch them finish,"
                + " describe, start or cancel them, or run an emulator.",
        subcommands = { ListCommand.class, CountCommand.class, WatchCommand.class, DescribeCommand.class,
                StartCommand.class, CancelCommand.class, EmulatorCommand.class,
                TrainCommand.class,
                CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class },
        footerHeading = "%nExit codes:%n", footer = Cli.EXIT_CODES)
public class Cli {

    public static final int OK = 0;
    public static final int FOUND_FAILURES = 1;
    public static final int USAGE = 2;
    public static final int UPSTREAM = 3;
    public static final int TIMEOUT = 4;
    public static final int BUG = 5;
    public static final int CANNOT_LISTEN = 6;

    /** Lines of at most 78 characters: help is 80 columns wide, and a wrapped row loses its indentation. */
    static final String EXIT_CODES = """
              0  success
              1  list or count --fail-on matched an import; watch (or start --wait)
                 saw an import end Failed or Cancelled; describe got an id Pinecone
                 does not know; cancel left an import uncancelled, or was declined
              2  bad usage: unknown flag or status, bad value or setting, missing
                 PINECONE_API_KEY or host, or (the launcher) no Java 17 or newer
              3  Pinecone refused the call (a rejected key), failed or could not be
                 reached (a listing is incomplete; a start or cancel may not be done)
              4  watch (or start --wait): --timeout passed before every import finished
              5  a bug of ours (please report it with the message)
              6  could not listen: the port is taken, or the address is not this
                 machine's (emulator, or serving)""";

    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(Cli.class, factory);
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        cli.setExitCodeExceptionMapper(ExitCodes.MAP);
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            // help WORD says "Unknown subcommand 'WORD'": the word may be a secret too
            err.println("pinecone-imports: "
                    + Output.printable(e instanceof CommandLine.UnmatchedArgumentException unmatched
                    ? unknown(unmatched) : e.getMessage().startsWith("Unknown subcommand '")
                    ? unknownCommand(e.getCommandLine()) : e.getMessage()));
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return e.getCommandLine().getExitCodeExceptionMapper().getExitCode(e);
        });
        cli.setExecutionStrategy(parsed -> {
            refuseEmptyItems(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            int code = command.getExitCodeExceptionMapper().getExitCode(e);
            command.getErr().println("pinecone-imports: " + message(e, code));
            return code;
        });
        return cli;
    }

    private static String unknownCommand(CommandLine cli) {
        return "unknown command (not shown); the commands are " + cli.getSubcommands().entrySet().stream()
                .filter(c -> !c.getValue().getCommandSpec().usageMessage().hidden()).map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
    }

    /**
     * What was not understood, naming the unknown options only: the words after them may be a secret typed where it
     * should not be ({@code --api-key pcsk_...}), and this line ends up in CI logs.
     */
    private static String unknown(CommandLine.UnmatchedArgumentException e) {
        List<String> options = e.getUnmatched().stream().filter(word -> word.startsWith("-"))
                .map(word -> word.split("=", 2)[0]).toList();
        // a first word that is no option, where a command was expected, is a mistyped command: name the ones there are
        if (!e.getCommandLine().getSubcommands().isEmpty() && !e.getUnmatched().isEmpty()
                && !e.getUnmatched().get(0).startsWith("-")) {
            return unknownCommand(e.getCommandLine());
        }
        if (options.isEmpty()) {
            return "unexpected argument" + (e.getUnmatched().size() > 1 ? "s" : "") + " (not shown); see --help";
        }
        return "unknown option" + (options.size() > 1 ? "s " : " ") + String.join(", ", options)
                + (options.stream().anyMatch(o -> o.contains("key"))
                        ? " (the API key is never an argument: PINECONE_API_KEY,"
                        + " --api-key-env NAME or --api-key-file FILE)" : "");
    }

    /**
     * Before a command runs: no list option may hold an empty item ({@code --status ,} or {@code --status Failed,}).
     */
    static void refuseEmptyItems(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            for (CommandLine.Model.OptionSpec option : level.matchedOptions()) {
                if (option.splitRegex().isEmpty()) {
                    continue;
                }
                for (String value : option.originalStringValues()) {
                    if (Arrays.stream(value.split(option.splitRegex(), -1)).anyMatch(String::isBlank)) {
                        throw new CommandLine.ParameterException(level.commandSpec().commandLine(),
                                option.longestName() + ": '"
                                + Output.printable(value) + "' has an empty item; give each value, or leave "
                                        + option.longestName() + " out");
                    }
                }
            }
        }
    }

    /** A failed command's one line, in the words of the command line (flags, not the function's fields). */
    private static String message(Exception e, int code) {
        if (e instanceof InvalidQueryException invalid) {
            return invalid.message(FilterOptions::flag);
        }
        if (Failure.kindOf(e) == Failure.Kind.TOO_LARGE) {
            return Output.printable(e.getMessage()).replace("limit and paginationToken", "--limit and --page-token")
                    .replace("all=true", "listing every match").replace("counts=true", "counting");
        }
        // a bug of ours is still one line: the class names what went wrong; messages may quote Pinecone's text:
        // shown, never sent to the terminal as it came
        return (code == BUG ? "unexpected " + e.getClass().getSimpleName() + ": " : "") + Output.printable(
                e.getMessage());
    }

    /** A server could not listen where it was asked to: an environment problem, not a bug (exit 6). */
    static final class CannotListenException extends RuntimeException {

        /** @param hint what to change, as the user sets it */
        CannotListenException(String where, IOException cause, String hint) {
            super("cannot listen on " + where + ": " + reason(cause) + "; " + hint, cause);
        }

        private static String reason(Throwable cause) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("in use")) {
                return "the port is taken by another process";
            }
            if (message.contains("assign") || message.contains("not available") || message.contains("resolve")) {
                return "the address is not one of this machine's";
            }
            if (message.contains("ermission")) {
                return "permission denied (ports below 1024 need privileges)";
            }
            return message;
        }
    }

    /** The version Maven stamped into the build. */
    static class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.application.version", String.class).orElse("unknown");
            return new String[] { "pinecone-imports " + version };
        }
    }
}
