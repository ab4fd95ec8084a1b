package io.github.pineconeimports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.support.Sbom;

/**
 * What JReleaser's packagers write for this build's archives, in the dry run `mvn verify` makes offline (pom.xml,
 * release-dry-run): the Homebrew formula and the JBang catalog that a release publishes.
 */
class PackagingIT {

    static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));
    static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");
    static final Path PACKAGE = TARGET.resolve("jreleaser/package/pinecone-imports");
    static final Path ZIP = TARGET.resolve("jreleaser/assemble/pinecone-imports/java-archive/pinecone-imports-"
            + VERSION + ".zip");

    @Test
    void theFormulaInstallsThisVersionsArchiveByItsChecksum() throws Exception {
        String formula = Files.readString(PACKAGE.resolve("brew/Formula/pinecone-imports.rb"));
        assertEquals(VERSION, one(formula, "\\n  version \"([^\"]+)\""));
        assertEquals(sha256(ZIP), one(formula, "\\n  sha256 \"([0-9a-f]{64})\""), "the checksum of the real zip");
        String url = one(formula, "\\n  url \"([^\"]+)\"");
        assertTrue(url.startsWith("https://github.com/pineconeimports/pinecone-imports/releases/download/")
                && url.endsWith("/" + ZIP.getFileName()), url);
        assertEquals("Apache-2.0", one(formula, "\\n  license \"([^\"]+)\""));
        assertEquals("openjdk@17", one(formula, "\\n  depends_on \"([^\"]+)\""));
        // the command, its man pages and completions, all from the archive's own paths
        assertTrue(formula.contains("(bin/\"pinecone-imports\").write_env_script libexec/\"bin/pinecone-imports\""),
                formula);
        for (String path : List.of("share/man/man1/*.1", "share/bash-completion/completions/pinecone-imports",
                "share/zsh/site-functions/_pinecone-imports")) {
            assertTrue(formula.contains("libexec/\"" + path + "\""), path + " in\n" + formula);
        }
        assertTrue(formula.contains("shell_output(\"#{bin}/pinecone-imports --version\")")
                && formula.contains("assert_match \"" + VERSION + "\""), formula);
    }

    @Test
    void theJBangAliasRunsThisVersionsRunnerJar() throws Exception {
        JsonNode catalog = new ObjectMapper().readTree(PACKAGE.resolve("jbang/jbang-catalog.json").toFile());
        JsonNode aliases = catalog.path("aliases");
        assertEquals(1, aliases.size(), catalog.toString());
        String alias = aliases.fieldNames().next();
        assertEquals(VERSION.endsWith("-SNAPSHOT") ? "pinecone-imports-snapshot" : "pinecone-imports", alias);
        String script = aliases.path(alias).path("script-ref").asText();
        assertTrue(script.startsWith("https://github.com/pineconeimports/pinecone-imports/releases/download/")
                && script.endsWith("/pinecone-imports-" + VERSION + "-runner.jar"), script);
        assertEquals("17+", aliases.path(alias).path("java").asText());
        try (var files = Files.list(PACKAGE.resolve("jbang"))) {
            assertEquals(List.of("jbang-catalog.json"), files.map(f -> f.getFileName().toString()).toList(),
                    "no script with Maven coordinates beside it");
        }
    }

    /** The HTTP app and the command line's archive ship the same libraries, which its SBOM lists exactly. */
    @Test
    void theSbomListsExactlyTheLibrariesOfTheAppAndTheArchive() throws Exception {
        Set<String> listed = Sbom.listed(TARGET.resolve("sbom.cdx.json"));
        Sbom.assertListsExactly(Sbom.shipped(TARGET.resolve("quarkus-app/lib")), listed);
        // the archive as JReleaser laid it out before packing it (target/pinecone-imports links to its launcher)
        Path archive = TARGET.resolve("pinecone-imports").toRealPath().getParent().getParent();
        assertTrue(archive.endsWith("pinecone-imports-" + VERSION), archive.toString());
        Sbom.assertListsExactly(Sbom.shipped(archive.resolve("lib/lib")), listed);
        assertTrue(listed.stream().anyMatch(jar -> jar.startsWith("info.picocli.picocli-")), "the command line's");
        assertTrue(listed.stream().anyMatch(jar -> jar.startsWith("io.quarkus.quarkus-funqy-http-")),
                listed.toString());
    }

    private static String one(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), regex + " in\n" + text);
        String found = matcher.group(1);
        assertTrue(!matcher.find(), "only one " + regex);
        return found;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
