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

/**
 * README.md is a front door of at most 200 lines; every relative link and every path that README.md and docs/ name
 * resolves; and docs/development.md's "Where to change what" points at files, classes and members that exist: a
 * stale row fails here.
 */
class ReadmeTest {

    static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "."));
    static final String PACKAGE = "io/github/pineconeimports/";
    static final Pattern CLASS = Pattern.compile("((?:[a-z]+/)*)([A-Z]\\w*)(?:\\.(\\w+))?");
    /** A fenced code block: its text is not Markdown, so neither links nor code spans are read in it. */
    static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");
    static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    static final Pattern CODE = Pattern.compile("`([^`]+)`");
    /** A path from the repository's root, without glob characters or shell syntax. */
    static final Pattern PATH = Pattern.compile("(?:src|deploy|docs|\\.ci|\\.github)/[^\\s*?<>{}\\[\\]$]*");
    static final Pattern PLACEHOLDER = Pattern.compile("VERSION|KEY|\\.\\.\\.");

    @Test
    void readmeIsAFrontDoor() throws IOException {
        int lines = Files.readAllLines(ROOT.resolve("README.md")).size();
        assertTrue(lines <= 200, "README.md has " + lines + " lines; at most 200, the rest belongs in docs/");
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            Matcher link = LINK.matcher(markdown(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("#") || target.matches("(?i)(https?://|mailto:).*")) {
                    continue;
                }
                checked++;
                String file = target.replaceFirst("#.*", "");
                if (!Files.exists(page.getParent().resolve(file).normalize())) {
                    missing.add(ROOT.relativize(page) + ": " + target);
                }
            }
        }
        assertTrue(checked >= 50, "the links were read: " + checked + " relative links");
        assertTrue(missing.isEmpty(), "links to nothing: " + missing);
    }

    @Test
    void everyPathNamedExists() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            Matcher code = CODE.matcher(markdown(page));
            while (code.find()) {
                String place = code.group(1);
                if (PATH.matcher(place).matches() && !PLACEHOLDER.matcher(place).find()) {
                    checked++;
                    if (!Files.exists(ROOT.resolve(place))) {
                        missing.add(ROOT.relativize(page) + ": " + place);
                    }
                }
            }
        }
        assertTrue(checked >= 40, "the paths were read: " + checked + " paths");
        assertTrue(missing.isEmpty(), "paths that do not exist: " + missing);
    }

    @Test
    void everyPlaceInWhereToChangeWhatExists() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/development.md"));
        int start = page.indexOf("## Where to change what");
        assertTrue(start >= 0, "docs/development.md has a \"Where to change what\" section");
        int end = page.indexOf("\n## ", start + 1);
        String table = page.substring(start, end < 0 ? page.length() : end);
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String row : table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| to change")).toList()) {
            String lookIn = row.substring(row.indexOf(" | ") + 3);
            Matcher code = CODE.matcher(lookIn);
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
        assertTrue(missing.isEmpty(), "docs/development.md names places that do not exist: " + missing);
    }

    /** README.md, then every page of docs/. */
    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertTrue(pages.size() > 10, "docs/ has its pages: " + pages);
        return pages;
    }

    /** A page's Markdown without its fenced code blocks. */
    private static String markdown(Path page) throws IOException {
        return FENCE.matcher(Files.readString(page)).replaceAll("");
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
