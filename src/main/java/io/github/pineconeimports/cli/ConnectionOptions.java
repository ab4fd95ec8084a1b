package io.github.pineconeimports.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.IndexHost;
import io.github.pineconeimports.failure.PineconeConfigException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where to list from. The key itself is never an argument (it would show in {@code ps} and shell history):
 * it comes from {@code PINECONE_API_KEY}, another variable named here, or a file.
 */
public class ConnectionOptions {

    @Option(names = "--host", paramLabel = "HOST",
            description = "index host (default: PINECONE_INDEX_HOST; --host '' ignores that variable, to list by "
                    + "--index)")
    String host;

    @Option(names = "--controller-host", paramLabel = "URL",
            description = "the control plane that resolves --index names (default: PINECONE_CONTROLLER_HOST or "
                    + "https://api.pinecone.io)")
    String controllerHost;

    @Option(names = "--api-version", paramLabel = "VERSION",
            description = "X-Pinecone-Api-Version (default: PINECONE_API_VERSION or 2025-01)")
    String apiVersion;

    /** Where the key comes from when not PINECONE_API_KEY: one source, never two that could silently disagree. */
    @ArgGroup(exclusive = true)
    KeySource keySource;

    static class KeySource {
        @Option(names = "--api-key-env", paramLabel = "NAME",
                description = "read the API key from this environment variable instead of PINECONE_API_KEY")
        String env;

        @Option(names = "--api-key-file", paramLabel = "FILE", description = "read the API key from this file")
        Path file;
    }

    /** The configured connection with these options applied. */
    Connection applyTo(Connection configured, CommandLine cli) {
        Connection connection = configured;
        KeySource given = keySource == null ? new KeySource() : keySource;
        if (given.env != null) {
            String key = System.getenv(given.env);
            if (key == null || key.isBlank()) {
                throw new CommandLine.ParameterException(cli, "--api-key-env: the variable " + given.env
                        + " is not set");
            }
            connection = connection.withApiKey(key);
        } else if (given.file != null) {
            String key;
            try {
                key = Files.readString(given.file).strip();
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cli, "--api-key-file: cannot read " + given.file);
            }
            if (key.isEmpty()) {
                throw new CommandLine.ParameterException(cli, "--api-key-file: " + given.file + " is empty");
            }
            connection = connection.withApiKey(key);
        }
        connection = host == null ? connection : connection.withIndexHost(host.isBlank() ? null : host);
        connection = controllerHost == null ? connection : connection.withControllerHost(controllerHost);
        // a host given here is judged here, so that the error names the flag the user typed
        try {
            if (host != null && !host.isBlank()) {
                IndexHost.parse(host);
            }
            if (controllerHost != null) {
                IndexHost.controller(controllerHost);
            }
        } catch (PineconeConfigException e) {
            throw new CommandLine.ParameterException(cli, Output.printable(e.getMessage()
                    .replace(IndexHost.VARIABLE, "--host").replace(IndexHost.CONTROLLER_VARIABLE,
                            "--controller-host")));
        }
        return apiVersion == null ? connection : connection.withApiVersion(apiVersion);
    }
}
