package io.github.pineconeimports.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import picocli.CommandLine;

/**
 * A yes-or-no question on the user's terminal, answered within a time limit: a terminal nobody watches
 * ({@code docker run -t} in a pipeline) must not hold a command for ever. Where there is no terminal, nobody is asked.
 */
final class Prompt {

    static final Duration MIN_WAIT = Duration.ofSeconds(1);

    private Prompt() {
    }

    /** Refuses a time limit too short for anyone to answer. */
    static void check(CommandLine cli, Duration within) {
        if (within.compareTo(MIN_WAIT) < 0) {
            throw new CommandLine.ParameterException(cli, "--answer-within: at least 1s (was "
                    + Converters.Span.show(within) + "): long enough for someone to read the question and answer");
        }
    }

    /**
     * Whether the user answered y or yes within {@code within}; no answer, or any other, is no. Where stdin or
     * stdout is not a terminal, a usage error that says {@code elsewhere}.
     */
    static boolean confirmed(CommandLine cli, String question, Duration within, String elsewhere) {
        if (!Output.terminal()) {
            throw new CommandLine.ParameterException(cli, elsewhere);
        }
        cli.getOut().print(question + " [y/N] ");
        cli.getOut().flush();
        // read on a daemon thread: one left waiting for a line never holds the process open
        FutureTask<String> answer = new FutureTask<>(() -> new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8)).readLine());
        Thread reader = new Thread(answer, "answer");
        reader.setDaemon(true);
        reader.start();
        String said;
        try {
            said = answer.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cli.getOut().println();
            cli.getOut().println("No answer within " + Converters.Span.show(within) + ".");
            return false;
        } catch (ExecutionException e) {
            cli.getOut().println();
            cli.getOut().println("Could not read an answer (" + e.getCause().getClass().getSimpleName() + ").");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return said != null && (said.strip().equalsIgnoreCase("y") || said.strip().equalsIgnoreCase("yes"));
    }
}
