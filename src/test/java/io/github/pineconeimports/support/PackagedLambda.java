package io.github.pineconeimports.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipInputStream;

import org.yaml.snakeyaml.Yaml;

/**
 * The packaged Lambda, run as AWS runs it, polling a {@link LambdaRuntimeApi} on loopback: {@code function.zip}
 * unpacked, then its {@code bootstrap} started when it holds one (the native build, as provided.al2023 starts it),
 * else AWS's own Java runtime client started with the handler deploy/aws/template.yaml names.
 */
public final class PackagedLambda implements AutoCloseable {

    public final LambdaRuntimeApi runtime;
    public final long startedNanos;
    private final Process process;
    /** Where function.zip was unpacked for this process (removed when it ends), or null. */
    private final Path unpacked;

    private PackagedLambda(LambdaRuntimeApi runtime, Process process, long startedNanos, Path unpacked) {
        this.runtime = runtime;
        this.process = process;
        this.startedNanos = startedNanos;
        this.unpacked = unpacked;
    }

    /**
     * This build's function.zip, with {@code env} added to its environment; its output goes to target/{@code log}.
     * On the JVM, {@code extraClasspath} comes after the function's own (a benchmark's stand-ins).
     */
    public static PackagedLambda start(Map<String, String> env, String log, String... extraClasspath)
            throws IOException {
        return start(buildDirectory(), env, log, extraClasspath);
    }

    /** The function.zip of the Lambda build in {@code buildDir}, from another build's tests (the workflow tests). */
    public static PackagedLambda start(Path buildDir, Map<String, String> env, String log, String... extraClasspath)
            throws IOException {
        Path unpacked = unzip(buildDir.resolve("function.zip"), Files.createTempDirectory(buildDir, "function-"));
        Path bootstrap = unpacked.resolve("bootstrap");
        if (Files.isRegularFile(bootstrap)) {
            // java.util.zip reads no file mode: the zip says rwx (BootstrapNativeIT), and Lambda gives it
            bootstrap.toFile().setExecutable(true);
            // -Dlambda.wrapper: a command that runs the bootstrap elsewhere (.github/al2023-bootstrap: in Amazon Linux)
            String wrapper = System.getProperty("lambda.wrapper", "");
            return launch(wrapper.isBlank() ? List.of(bootstrap.toString()) : List.of(wrapper, bootstrap.toString()),
                    buildDir, env, log, unpacked);
        }
        return launch(java(classpath(ourClasspath(unpacked), extraClasspath), templateHandler()), buildDir, env, log,
                unpacked);
    }

    /**
     * A benchmark's plain handler on the JVM, from this class path, with {@code extraClasspath} after it (its
     * stand-ins); the runtime client, Jackson and its own classes, nothing else.
     */
    public static PackagedLambda startPlain(Map<String, String> env, String log, String handler,
            String... extraClasspath) throws IOException {
        return launch(java(classpath(String.join(File.pathSeparator, testClasses(), jackson()), extraClasspath),
                handler), buildDirectory(), env, log, null);
    }

    private static String classpath(String first, String... more) {
        return String.join(File.pathSeparator, java.util.stream.Stream.concat(java.util.stream.Stream.of(first),
                Arrays.stream(more)).toList());
    }

    private static List<String> java(String classpath, String handler) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath + File.pathSeparator + runtimeClientClasspath(),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler);
    }

    private static PackagedLambda launch(List<String> command, Path buildDir, Map<String, String> env, String log,
            Path unpacked) throws IOException {
        LambdaRuntimeApi runtime = new LambdaRuntimeApi();
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(buildDir.resolve(log).toFile());
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtime.address());
            builder.environment().putAll(env);
            long started = System.nanoTime();
            return new PackagedLambda(runtime, builder.start(), started, unpacked);
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private static Path buildDirectory() {
        return Path.of(System.getProperty("project.build.directory", "target"));
    }

    /** The environment deploy/aws/template.yaml gives the function: its plain values (JAVA_TOOL_OPTIONS among them). */
    @SuppressWarnings("unchecked")
    public static Map<String, String> templateEnvironment() throws IOException {
        Map<String, String> env = new java.util.HashMap<>();
        ((Map<String, Object>) ((Map<String, Object>) templateFunction().get("Environment")).get("Variables"))
                .forEach((name, value) -> {
            if (value instanceof String text) {
                env.put(name, text);
            }
        });
        return env;
    }

    /** Peak resident memory of the process so far (VmHWM), in kB. */
    public long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmHWM for " + process.pid());
    }

    /** The handler deploy/aws/template.yaml names for the JVM variant: the one AWS will start. */
    @SuppressWarnings("unchecked")
    public static String templateHandler() throws IOException {
        Map<String, Object> handler = (Map<String, Object>) templateFunction().get("Handler");
        return (String) ((List<Object>) handler.get("Fn::If")).get(2);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> templateFunction() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("deploy", "aws", "template.yaml"))) {
            Map<String, Object> template = new Yaml().load(in);
            Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) template.get("Resources"))
                    .get("ListImportsFunction");
            return (Map<String, Object>) function.get("Properties");
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        runtime.close();
        if (unpacked != null) {
            try (java.util.stream.Stream<Path> files = Files.walk(unpacked)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static String ourClasspath(Path unpacked) {
        return unpacked + File.pathSeparator + unpacked.resolve("lib") + "/*";
    }

    public static String testClasses() {
        return classPathEntries(entry -> entry.endsWith("test-classes"));
    }

    private static String jackson() {
        return classPathEntries(entry -> entry.contains("jackson-core") || entry.contains("jackson-databind")
                || entry.contains("jackson-annotations"));
    }

    private static String classPathEntries(java.util.function.Predicate<String> wanted) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).filter(wanted)
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** AWS's runtime client and what it needs, from this test's own class path. */
    private static String runtimeClientClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("aws-lambda-java-runtime-interface-client")
                        || entry.contains("aws-lambda-java-serialization") || entry.contains("aws-lambda-java-core")
                        || entry.contains("utils-lite"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Path unzip(Path zip, Path into) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("no " + zip + ": build it with mvn -Plambda package");
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IllegalStateException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return into;
    }
}
