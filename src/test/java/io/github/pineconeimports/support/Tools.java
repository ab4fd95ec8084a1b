package io.github.pineconeimports.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A system tool a test needs beyond Java, Maven and Node (the README's prerequisites): found on the PATH, or the test
 * is skipped with one line naming the tool and its package. {@code -Dtools.required=true} (as {@code .ci/run} passes)
 * turns that skip into a failure, so that CI runs everything.
 */
public final class Tools {

    public static final String REQUIRED = "tools.required";

    private Tools() {
    }

    /** The program's path on this JVM's PATH; else the calling test skips, or under tools.required fails. */
    public static Path require(String program, String debianPackage) {
        Path found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
        if (found != null) {
            return found;
        }
        String line = program + " is not on the PATH (apt-get install " + debianPackage + ")";
        if (Boolean.getBoolean(REQUIRED)) {
            throw new AssertionError(line + ", and -D" + REQUIRED + "=true asks for every test");
        }
        System.out.println("[WARNING] SKIPPED: " + line);
        Assumptions.abort(line);
        return null;
    }
}
