package io.github.pineconeimports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shape docs/development.md's "How it is built" promises, read from the imports of src/main: arrows point one
 * way (faces to engine to client), nothing on the path imports the emulator, and where the key comes from stays
 * behind its door.
 */
class ArrowsTest {

    static final Path MAIN = ReadmeTest.ROOT.resolve("src/main/java/io/github/pineconeimports");
    static final Pattern IMPORT = Pattern.compile(
            "^import (?:static )?io\\.github\\.pineconeimports\\.([\\w.]+?)\\.[A-Z]", Pattern.MULTILINE);

    /** "package/File.java imports package" for every project import out of {@code from}. */
    private static List<String> imports(String from) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve(from))) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(file -> {
                try {
                    Matcher m = IMPORT.matcher(Files.readString(file));
                    return m.results().map(r -> MAIN.relativize(file) + " imports " + r.group(1)).toList().stream();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private static List<String> offending(String from, String... forbidden) throws IOException {
        return imports(from).stream().filter(line -> Stream.of(forbidden).anyMatch(f -> line.endsWith(" imports " + f)
                || line.contains(" imports " + f + "."))).toList();
    }

    @Test
    void arrowsPointOneWay() throws IOException {
        assertEquals(List.of(), offending("failure", "client", "imports", "function", "cli", "emulator", "scan"));
        assertEquals(List.of(), offending("client", "imports", "function", "cli", "emulator", "scan"));
        assertEquals(List.of(), offending("imports", "function", "cli", "emulator", "scan"));
        assertEquals(List.of(), offending("function", "cli", "emulator", "scan"));
        // the scan is a face of its own: it calls the engine, as the function and the command line do
        assertEquals(List.of(), offending("scan", "function", "cli", "emulator", "client"));
        assertEquals(List.of(), offending("cli", "scan"));
        assertEquals(List.of(), offending("emulator", "scan"));
    }

    @Test
    void everyBindingServesTheOneListImportsFunction() throws IOException {
        // a second @Funq("listImports") chosen by the build would let the bindings drift apart (issue 30)
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> declaring = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("@Funq(\"listImports\")");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(f -> MAIN.relativize(f).toString()).toList();
            assertEquals(List.of("function/ListImportsFunction.java"), declaring);
        }
    }

    @Test
    void theEngineAndReadinessNeverLearnWhereTheKeyComesFrom() throws IOException {
        assertEquals(List.of(), offending("imports", "function.lambda"));
        String readiness = Files.readString(MAIN.resolve("function/http/ConfigurationReadiness.java"));
        assertEquals(false, readiness.contains("Secret"), "readiness asks ApiKeys, never a secret");
        try (Stream<Path> engine = Files.list(MAIN.resolve("imports"))) {
            assertEquals(List.of(), engine.filter(f -> {
                try {
                    return Files.readString(f).contains("Secret");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList());
        }
    }
}
