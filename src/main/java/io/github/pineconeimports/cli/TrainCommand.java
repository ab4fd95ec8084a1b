package io.github.pineconeimports.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import io.github.pineconeimports.emulator.EmulatorServer;
import io.github.pineconeimports.emulator.EmulatorSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * What the launcher (target/pinecone-imports) runs once per JDK to archive the classes a command loads: the
 * commands themselves, against an emulator of its own on loopback, their output discarded. Nothing reaches
 * Pinecone and no key is needed.
 */
@Command(name = "train", hidden = true,
        description = "Run the commands once against a private emulator (for the launcher's class archive).")
class TrainCommand implements Callable<Integer> {

    static final String KEY = "pclocal-training-key";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Inject
    CommandLine.IFactory factory;

    @Override
    public Integer call() throws Exception {
        Path key = Files.createTempFile("pinecone-imports-train", ".key");
        try (EmulatorServer emulator = EmulatorServer.start(
                EmulatorSettings.defaults().withApiKey(KEY).withImports(1_000, 42))) {
            Files.writeString(key, KEY);
            String host = emulator.url();
            for (String output : new String[] { "ids", "json", "table" }) {
                CommandLine list = Cli.commandLine(factory);
                list.setOut(new PrintWriter(new StringWriter()));
                list.setErr(new PrintWriter(new StringWriter()));
                int code = list.execute("list", "--status", "Failed", "--output", output, "--host", host,
                        "--api-key-file", key.toString());
                if (code != Cli.OK) {
                    throw new IllegalStateException("training listing ended with exit code " + code);
                }
            }
        } finally {
            Files.deleteIfExists(key);
        }
        return Cli.OK;
    }
}
