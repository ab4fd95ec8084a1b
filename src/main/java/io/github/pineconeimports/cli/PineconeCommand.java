package io.github.pineconeimports.cli;

import jakarta.inject.Inject;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.PineconeConfig;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** What every command that calls Pinecone shares: where it calls (the host, the key's source) and its spec. */
abstract class PineconeCommand {

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Inject
    PineconeConfig config;

    /** The configured connection with this command's options applied; a bad option is a usage error naming it. */
    Connection target() {
        return connection.applyTo(Connection.of(config), spec.commandLine());
    }
}
