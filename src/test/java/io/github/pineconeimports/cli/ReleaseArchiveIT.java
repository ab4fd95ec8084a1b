package io.github.pineconeimports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;


import io.github.pineconeimports.support.Emulator;
import io.github.pineconeimports.support.Tools;
import io.github.pineconeimports.support.Walk;
import io.restassured.RestAssured;

/**
 * The release archive as a user meets it: unpacked with tar or unzip into an empty folder outside the repository,
 * run with a PATH that holds a JRE and the few tools the launcher uses, and nothing of Maven, in an empty home.
 */
// it mostly waits: it runs beside the other integration tests, and its tests beside each other (each has a home of
// its own)
@Execution(ExecutionMode.CONCURRENT)
class ReleaseArchiveIT {

    static final Path TARGET = Path.of(System.getProperty("project.build.directory", "target"));
    static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");
    static final String NAME = "pinecone-imports-" + VERSION;
    static final Path ARCHIVES = TARGET.resolve("jreleaser/assemble/pinecone-imports/java-archive");
    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    /** Every entry but the libraries, which must be the application's own (checked against quarkus-app). */
    static final List<String> ENTRIES = List.of(
            "LICENSE",
            "README.md",
            "bin/pinecone-imports",
            "bin/pinecone-imports.cmd",
            "lib/app/" + NAME + ".jar",
            "lib/build.id",
            "lib/jvm.options",
            "lib/quarkus-run.jar",
            "lib/quarkus/generated-bytecode.jar",
            "lib/quarkus/quarkus-application.dat",
            "lib/quarkus/transformed-bytecode.jar",
            "share/bash-completion/completions/pinecone-imports",
            "share/man/man1/pinecone-imports-cancel.1",
            "share/man/man1/pinecone-imports-count.1",
            "share/man/man1/pinecone-imports-describe.1",
            "share/man/man1/pinecone-imports-emulator.1",
            "share/man/man1/pinecone-imports-generate-completion.1",
            "share/man/man1/pinecone-imports-help.1",
            "share/man/man1/pinecone-imports-list.1",
            "share/man/man1/pinecone-imports-start.1",
            "share/man/man1/pinecone-imports-watch.1",
            "share/man/man1/pinecone-imports.1",
            "share/zsh/site-functions/_pinecone-imports");

    /** What the launcher runs besides java: POSIX tools, looked up where Debian and macOS keep them. */
    static final List<String> TOOLS = List.of("sh", "readlink", "sed", "cksum", "mkdir", "rm", "mv", "find");

    static Path scratch;
    static Path install;
    static Path tools;

    record Run(int exit, String out, String err, long millis) {
        /** The run as an answer, to compare with an expected one. */
        Run withoutTime() {
            return new Run(exit, out, err, 0);
        }
    }

    @BeforeAll
    static void unpack() throws Exception {
        scratch = Files.createTempDirectory("pinecone-imports-user");
        shell(scratch, "tar", "-xzf", ARCHIVES.resolve(NAME + ".tar.gz").toAbsolutePath().toString());
        install = scratch.resolve(NAME);
        tools = Files.createDirectory(scratch.resolve("tools"));
        for (String tool : TOOLS) {
            Path found = Stream.of("/usr/bin", "/bin").map(dir -> Path.of(dir, tool)).filter(Files::isExecutable)
                    .findFirst().orElseThrow(() -> new AssertionError("no " + tool + " on this machine"));
            Files.createSymbolicLink(tools.resolve(tool), found);
        }
        Files.createSymbolicLink(tools.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (scratch != null) {
            shell(Path.of("/"), "chmod", "-R", "u+w", scratch.toString());
            shell(Path.of("/"), "rm", "-rf", scratch.toString());
        }
    }

    @Test
    void bothArchivesHoldTheListedEntriesAndTheApplicationsOwnLibraries() throws Exception {
        Set<String> libraries = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TARGET.resolve("quarkus-app/lib"))) {
            files.filter(Files::isRegularFile).forEach(f -> libraries.add("lib/lib/"
                    + TARGET.resolve("quarkus-app/lib").relativize(f)));
        }
        Set<String> expected = new TreeSet<>(ENTRIES);
        expected.addAll(libraries);
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).forEach(f -> expected.add("docs/" + f.getFileName()));
        }
        assertTrue(libraries.size() > 100, "the libraries: " + libraries.size());

        List<String> tar = entries(shell(TARGET, "tar", "-tzf", ARCHIVES.resolve(NAME + ".tar.gz").toString()));
        List<String> zip = entries(shell(TARGET, "unzip", "-Z1", ARCHIVES.resolve(NAME + ".zip").toString()));
        assertEquals(expected, new TreeSet<>(tar), "the tar.gz");
        assertEquals(expected, new TreeSet<>(zip), "the zip");
        assertEquals(tar.size(), expected.size(), "no entry twice");

        // unzip, as a Windows or macOS user would, keeps the launcher runnable
        Path unzipped = Files.createDirectory(scratch.resolve("unzipped"));
        shell(unzipped, "unzip", "-q", ARCHIVES.resolve(NAME + ".zip").toAbsolutePath().toString());
        assertTrue(Files.getPosixFilePermissions(unzipped.resolve(NAME + "/bin/pinecone-imports"))
                .contains(PosixFilePermission.OWNER_EXECUTE));
        Run version = launch(unzipped.resolve(NAME), home("unzipped"), Map.of(), "--version");
        assertEquals(new Run(0, "pinecone-imports " + VERSION + "\n", "", 0), version.withoutTime());

        // the Windows launcher: CRLF lines, the same JVM options file and application jar
        String cmd = Files.readString(install.resolve("bin/pinecone-imports.cmd"));
        assertTrue(cmd.lines().count() > 5 && cmd.split("\r\n", -1).length == cmd.split("\n", -1).length, cmd);
        assertTrue(cmd.contains("\\jvm.options") && cmd.contains("\\quarkus-run.jar"), cmd);
    }

    @Test
    void versionHelpAndManPagesWithNothingButAJre() throws Exception {
        Path home = home("docs");
        Run mvn = run(install, home, Map.of(), "sh", "-c", "command -v mvn || echo none");
        assertEquals("none\n", mvn.out(), "no Maven on this PATH");

        Run version = launch(install, home, Map.of(), "--version");
        assertEquals(new Run(0, "pinecone-imports " + VERSION + "\n", "", 0), version.withoutTime());
        Run help = launch(install, home, Map.of(), "--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().startsWith("Usage: pinecone-imports ") && help.out().contains("Exit codes:"), help.out());
        assertEquals("", help.err());
    }

    @Test
    void manPagesForEachCommandWithTheFlagsOfItsHelp() throws Exception {
        String manPath = Tools.require("man", "man-db").toString();
        Path home = home("man");
        for (String page : List.of("pinecone-imports", "pinecone-imports-list", "pinecone-imports-watch")) {
            Run man = run(install, home, Map.of("MANPAGER", "cat", "MANWIDTH", "100", "PATH", "/usr/bin:/bin"),
                    manPath, "-l", install.resolve("share/man/man1/" + page + ".1").toString());
            assertEquals(0, man.exit(), man.err());
            assertEquals("", man.err(), "groff has nothing to say about " + page);
            assertTrue(man.out().contains("NAME") && man.out().contains(page + " - "), man.out());
            assertTrue(man.out().contains("SYNOPSIS") && man.out().contains("OPTIONS"), man.out());
        }
        Run list = run(install, home, Map.of("MANPAGER", "cat", "MANWIDTH", "100", "PATH", "/usr/bin:/bin"),
                manPath, "-l", install.resolve("share/man/man1/pinecone-imports-list.1").toString());
        // the flags come from the picocli model: every option of `list --help` is on the page
        Run listHelp = launch(install, home, Map.of(), "list", "--help");
        assertEquals(0, listHelp.exit(), listHelp.err());
        Set<String> flags = new TreeSet<>();
        for (String flag : listHelp.out().split("\\s+")) {
            if (flag.matches("--[a-z-]+=?.*")) {
                flags.add(flag.replaceAll("[=,\\[].*", ""));
            }
        }
        assertTrue(flags.containsAll(List.of("--status", "--since", "--fail-on", "--output", "--api-key-file")),
                flags.toString());
        for (String flag : flags) {
            assertTrue(list.out().contains(flag), flag + " is on the man page");
        }
    }

    @Test
    void theSecondRunUsesTheClassArchiveInTheUsersCacheAndSaysNothing() throws Exception {
        for (Path jdk : Stream.of(Path.of(System.getProperty("java.home")), JDK25).filter(Files::isDirectory).distinct()
                .toList()) {
            Path home = home("cache-" + jdk.getFileName());
            Map<String, String> java = Map.of("JAVA_HOME", jdk.toString());
            Run first = launch(install, home, java, "--version");
            assertEquals(new Run(0, "pinecone-imports " + VERSION + "\n", "", 0), first.withoutTime(), jdk.toString());
            List<Path> archives = files(home.resolve(".cache/pinecone-imports"));
            assertEquals(1, archives.size(), "one archive for " + jdk + ": " + archives);
            assertTrue(archives.get(0).getFileName().toString().matches("cli-[0-9]+-[0-9a-f]{32}\\.(jsa|aot)"),
                    archives.toString());

            Path loaded = scratch.resolve("classes-" + jdk.getFileName() + ".log");
            Run second = launch(install, home, Map.of("JAVA_HOME", jdk.toString(), "PINECONE_IMPORTS_JAVA_OPTS",
                    "-Xlog:class+load=info:file=" + loaded), "--version");
            assertEquals(new Run(0, "pinecone-imports " + VERSION + "\n", "", 0), second.withoutTime());
            List<String> classes = Files.readAllLines(loaded);
            long shared = classes.stream().filter(l -> l.contains("source: shared objects file")).count();
            assertTrue(shared > classes.size() * 3 / 4, shared + " of " + classes.size() + " classes from the archive");
            // no assertion on time (this machine's speed is not the test's): the class-load log above is the evidence,
            // and the times are reported
            assertEquals(archives, files(home.resolve(".cache/pinecone-imports")), "the archive is kept, not rebuilt");
            System.out.printf("%s: first run (training) %d ms, second run %d ms, %d of %d classes from the archive%n",
                    jdk, first.millis(), second.millis(), shared, classes.size());
        }
        Map<String, String> cacheUnder = Map.of("XDG_CACHE_HOME", home("xdg").resolve("cache").toString());
        assertEquals(0, launch(install, home("other"), cacheUnder, "--version").exit());
        assertEquals(1, files(home("xdg").resolve("cache/pinecone-imports")).size(), "XDG_CACHE_HOME is honoured");
    }

    @Test
    void aReadOnlyInstallAndAnUnwritableCacheStillRun() throws Exception {
        Path copy = scratch.resolve("read-only");
        shell(scratch, "cp", "-a", install.toString(), copy.toString());
        shell(scratch, "chmod", "-R", "a-w", copy.toString());
        Map<String, String> before = snapshot(copy);

        Path home = home("read-only");
        Run version = launch(copy, home, Map.of(), "--version");
        assertEquals(new Run(0, "pinecone-imports " + VERSION + "\n", "", 0), version.withoutTime());
        assertEquals(1, files(home.resolve(".cache/pinecone-imports")).size(), "the archive went to the user's cache");
        assertEquals(before, snapshot(copy), "nothing was written into the install");

        // a cache that cannot be made (its parent is a file): no archive, no message, the same answer
        Path file = Files.writeString(scratch.resolve("not-a-folder"), "");
        Run uncached = launch(copy, home("uncached"), Map.of("XDG_CACHE_HOME", file.resolve("cache").toString()),
                "--version");
        assertEquals(new Run(0, "pinecone-imports " + VERSION + "\n", "", 0), uncached.withoutTime());
        assertEquals(before, snapshot(copy));
    }

    @Test
    void withoutJava17ItSaysWhatItNeeds() throws Exception {
        Path home = home("no-java");
        Path noJava = Files.createDirectory(scratch.resolve("no-java-tools"));
        for (String tool : TOOLS) {
            Files.createSymbolicLink(noJava.resolve(tool), Files.readSymbolicLink(tools.resolve(tool)));
        }
        Run none = run(install, home, Map.of("PATH", noJava.toString()), install.resolve("bin/pinecone-imports")
                .toString(), "--version");
        assertEquals(2, none.exit());
        assertEquals("", none.out());
        assertTrue(none.err().startsWith("pinecone-imports: needs Java 17 or newer")
                && none.err().contains("JAVA_HOME"), none.err());

        Run empty = launch(install, home, Map.of("JAVA_HOME", scratch.toString()), "--version");
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("has no bin/java"), empty.err());

        // an old Java, as its release file says
        Path old = Files.createDirectories(scratch.resolve("jdk-11/bin"));
        Files.writeString(old.resolveSibling("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Path fake = Files.writeString(old.resolve("java"), "#!/bin/sh\necho 'should not run' >&2\nexit 9\n");
        fake.toFile().setExecutable(true);
        Run eleven = launch(install, home, Map.of("JAVA_HOME", old.getParent().toString()), "--version");
        assertEquals(new Run(2, "", "pinecone-imports: needs Java 17 or newer, and " + fake + " is Java 11.0.2: set"
                + " JAVA_HOME to Java 17+\n", 0), eleven.withoutTime());

        // no release file (macOS's /usr/bin/java): what java says, past a "Picked up" line, decides
        for (Map.Entry<String, Integer> said : Map.of("1.8.0_392", 2, "21-ea", 0, "25", 0).entrySet()) {
            Path bin = Files.createDirectories(scratch.resolve("java-" + said.getKey() + "/bin"));
            // says its version to `java -version`, and "ran" when the launcher hands it the command
            Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\n"
                    + "echo \"$*\" >> \"${0%/*}/calls\"\n"
                    + "[ \"$1\" = -version ] && { echo 'Picked up JAVA_TOOL_OPTIONS: -Xss1m' >&2;"
                    + " echo 'openjdk version \"" + said.getKey() + "\" 2026-01-01' >&2; exit 0; }\n"
                    + "case \"$*\" in *'-jar '*' --version') echo ran ;; esac\n");
            java.toFile().setExecutable(true);
            Run run = launch(install, home("fake-" + said.getKey()), Map.of("JAVA_HOME", bin.getParent().toString()),
                    "--version");
            assertEquals(said.getValue().intValue(), run.exit(), said.getKey() + ": " + run.err());
            assertEquals(said.getValue() == 0 ? "ran\n" : "", run.out(), said.getKey());
            assertTrue(said.getValue() == 0 ? run.err().isEmpty() : run.err().contains("is Java 1.8.0_392"), run.err());
            if (said.getValue() == 0) {
                // this java makes no archive, so its training fails: once, not again on every start
                launch(install, home("fake-" + said.getKey()), Map.of("JAVA_HOME", bin.getParent().toString()),
                        "--version");
                List<String> calls = Files.readAllLines(bin.resolve("calls"));
                assertEquals(1, calls.stream().filter(c -> c.endsWith(" train")).count(), calls.toString());
                assertTrue(files(home("fake-" + said.getKey()).resolve(".cache/pinecone-imports")).stream()
                        .anyMatch(f -> f.toString().endsWith(".failed")), "the failed training is remembered");
            }
        }
    }

    @Test
    void listAndWatchAgainstTheArchivesOwnEmulator() throws Exception {
        Path home = home("emulator");
        // imports that stand still (a step every 1000 days): what `list` prints can be checked against the pages
        try (Background frozen = emulator(home, "--tick", "1000d", "--imports", "250", "--seed", "7")) {
            Map<String, String> env = Map.of("PINECONE_INDEX_HOST", frozen.url(), "PINECONE_API_KEY", Emulator.KEY);
            Run ids = launch(install, home, env, "list", "--status", "Failed", "--output", "ids");
            assertEquals(0, ids.exit(), ids.err());
            assertEquals("", ids.err());
            // every import, read page by page over plain HTTP: an oracle apart from the command line
            // its port said outright: Quarkus' integration tests running beside this one set RestAssured's default
            URI url = URI.create(frozen.url());
            List<Map<String, Object>> all = Walk.collect(Walk.pages(() -> RestAssured.given().baseUri(frozen.url())
                    .port(url.getPort()).header("Api-Key", Emulator.KEY).queryParam("limit", 100), "/bulk/imports",
                    1_000), "");
            List<String> failed = Emulator.idsWithStatus(all, "Failed");
            assertFalse(failed.isEmpty());
            assertEquals(failed, ids.out().lines().toList());
            Run gate = launch(install, home, env, "count", "--fail-on", "Failed");
            assertEquals(Cli.FOUND_FAILURES, gate.exit(), gate.out() + gate.err());
        }
        // a clock that moves ten minutes per listing: each poll of `watch` sees its imports move on, and they end
        try (Background moving = emulator(home, "--step-per-listing", "10m", "--tick", "1m")) {
            Run watch = launch(install, home, Map.of("PINECONE_INDEX_HOST", moving.url(), "PINECONE_API_KEY",
                    Emulator.KEY), "watch", "--interval", "1s", "--timeout", "100s");
            assertTrue(watch.exit() == Cli.OK || watch.exit() == Cli.FOUND_FAILURES, watch.out() + watch.err());
            assertTrue(watch.out().contains("import(s) finished"), watch.out());
            assertEquals("", watch.err());
        }
    }

    @Test
    void completionForBash() throws Exception {
        Path bash = install.resolve("share/bash-completion/completions/pinecone-imports");
        String complete = """
                compopt() { :; }
                source "$1"; shift
                COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
                _complete_pinecone-imports
                printf '%s\\n' "${COMPREPLY[@]}"
                """;
        Path home = home("completion");
        assertEquals(Set.of("list"), lines(run(install, home, Map.of("PATH", "/usr/bin:/bin"), "bash", "-c", complete,
                "bash", bash.toString(), "pinecone-imports", "li")));
        assertEquals(Set.of("Failed"), lines(run(install, home, Map.of("PATH", "/usr/bin:/bin"), "bash", "-c", complete,
                "bash", bash.toString(), "pinecone-imports", "list", "--status", "F")));
        assertEquals(Set.of("--status"), lines(run(install, home, Map.of("PATH", "/usr/bin:/bin"), "bash", "-c",
                complete, "bash", bash.toString(), "pinecone-imports", "watch", "--st")));
    }

    @Test
    void completionForZsh() throws Exception {
        String zsh = Tools.require("zsh", "zsh").toString();
        Path home = home("zsh-completion");
        // an interactive shell in a pseudo-terminal, with the archive's site-functions on its fpath, and a Tab
        Path site = install.resolve("share/zsh/site-functions");
        Path driver = Path.of(ReleaseArchiveIT.class.getResource("/completion/zsh-tab.zsh").toURI());
        Map<String, String> zshPath = Map.of("PATH", "/usr/bin:/bin");
        Run status = run(install, home, zshPath, zsh, "-f", driver.toString(), site.toString(),
                "pinecone-imports list --status Ca", "Cancelled");
        assertTrue(status.out().contains("pinecone-imports list --status Cancelled"), status.out());
        Run command = run(install, home, zshPath, zsh, "-f", driver.toString(), site.toString(),
                "pinecone-imports wa", "watch");
        assertTrue(command.out().contains("pinecone-imports watch"), command.out());
        for (Run run : List.of(status, command)) {
            assertFalse(run.out().contains("not found") || run.out().contains("error"), run.out());
        }
    }

    // ---- helpers

    /** The emulator from the archive, on a port it picks, stopped by itself after a minute or by close(). */
    private Background emulator(Path home, String... args) throws Exception {
        Path portFile = scratch.resolve("port-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of(install.resolve("bin/pinecone-imports").toString(), "emulator",
                "--port", "0", "--port-file", portFile.toString(), "--for", "120s"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(scratch.resolve("emulator-" + System.nanoTime() + ".log").toFile());
        environment(builder, home, Map.of());
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!(Files.exists(portFile) && !Files.readString(portFile).isBlank()) && process.isAlive()
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            assertTrue(process.isAlive() && Files.exists(portFile), "the emulator runs and says its port");
            return new Background(process, "http://127.0.0.1:" + Files.readString(portFile).strip());
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    record Background(Process process, String url) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Run launch(Path root, Path home, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/pinecone-imports").toString()));
        command.addAll(List.of(args));
        return run(root, home, env, command.toArray(String[]::new));
    }

    /** A command in an environment of its own: PATH is the tools folder and java, HOME an empty folder. */
    private static Run run(Path dir, Path home, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        environment(builder, home, env);
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(150, TimeUnit.SECONDS), "the command ended: " + List.of(command));
        } finally {
            process.destroyForcibly();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err), millis);
    }

    private static void environment(ProcessBuilder builder, Path home, Map<String, String> env) {
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", tools.toString());
        environment.put("HOME", home.toString());
        environment.putAll(env);
    }

    private static Path home(String name) throws IOException {
        return Files.createDirectories(scratch.resolve("home-" + name));
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** Every file under a folder with its size and modification time. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                files.put(root.relativize(path).toString(), Files.isDirectory(path) ? "dir"
                        : Files.size(path) + "@" + Files.getLastModifiedTime(path));
            }
        }
        return files;
    }

    private static List<String> entries(String listing) {
        return listing.lines().filter(l -> !l.endsWith("/")).map(l -> {
            assertTrue(l.startsWith(NAME + "/"), "every entry is under " + NAME + "/: " + l);
            return l.substring(NAME.length() + 1);
        }).toList();
    }

    private static Set<String> lines(Run run) {
        assertEquals(0, run.exit(), run.err());
        return new TreeSet<>(run.out().lines().filter(l -> !l.isBlank()).toList());
    }

    private static String shell(Path dir, String... command) throws Exception {
        Path out = Files.createTempFile("pinecone-imports-shell", ".txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        try {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), List.of(command).toString());
            assertEquals(0, process.exitValue(), List.of(command) + ": " + Files.readString(out));
            return Files.readString(out);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
