package io.github.pineconeimports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The README's "Where to change what" points at files, classes and members that exist: a stale row fails here. */
class ReadmeTest {

    static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "."));
    static final String PACKAGE = "io/github/pineconeimports/";
    static final Pattern CLASS = Pattern.compile("((?:[a-z]+/)*)([A-Z]\\w*)(?:\\.(\\w+))?");

    @Test
    void everyPlaceInWhereToChangeWhatExists() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("### Where to change what");
        String table = readme.substring(start, readme.indexOf("\n## ", start));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String row : table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| to change")).toList()) {
            String lookIn = row.substring(row.indexOf(" | ") + 3);
            Matcher code = Pattern.compile("`([^`]+)`").matcher(lookIn);
            while (code.find()) {
                String place = code.group(1);
                if (place.startsWith("deploy/") || place.startsWith("src/")) {
                    checked++;
                    if (!Files.exists(ROOT.resolve(place))) {
                        missing.add(place);
                    }
                    continue;
                }
                Matcher type = CLASS.matcher(place);
                if (type.matches()) {
                    checked++;
                    if (!exists(type.group(1), type.group(2), type.group(3))) {
                        missing.add(place);
                    }
                }
            }
        }
        assertTrue(checked > 30, "the table was read: " + checked + " places");
        assertTrue(missing.isEmpty(), "README.md names places that do not exist: " + missing);
    }

    /** A class under src/main or src/test (in its package folder, or anywhere when none is given), with the member. */
    private static boolean exists(String folder, String name, String member) throws IOException {
        for (String tree : List.of("src/main/java/", "src/test/java/")) {
            Path base = ROOT.resolve(tree + PACKAGE);
            try (Stream<Path> files = Files.walk(base)) {
                for (Path file : files.filter(f -> f.getFileName().toString().equals(name + ".java")).toList()) {
                    String relative = base.relativize(file.getParent()).toString().replace('\\', '/');
                    boolean placed = folder.isEmpty() || (relative + "/").equals(folder);
                    if (placed && (member == null || Files.readString(file).contains(" " + member + "("))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
