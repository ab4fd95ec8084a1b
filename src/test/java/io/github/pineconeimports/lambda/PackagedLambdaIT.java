package io.github.pineconeimports.lambda;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.restassured.path.json.JsonPath;

/**
 * The packaged Lambda, run as AWS runs it, with {@code AWS_LAMBDA_RUNTIME_API} pointing at
 * {@link LambdaRuntimeApi} on loopback: {@code function.zip} unpacked and started by AWS's own Java runtime
 * client with the handler the SAM template names, or the native executable when the build made one.
 *
 * <p>Not a {@code @QuarkusIntegrationTest}: its launcher starts the JVM runner with {@code java -jar}, but on
 * the JVM a Lambda is driven by AWS's runtime calling the handler, so that runner never takes an event.
 */
class PackagedLambdaIT extends LambdaInvocations {

    static final String KEY = "pcsk_packaged_SECRET_91a7";
    static WireMockServer pinecone;
    static LambdaRuntimeApi runtime;
    static Process function;
    static boolean nativeRunner;

    @BeforeAll
    static void start() throws Exception {
        pinecone = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        pinecone.start();
        runtime = new LambdaRuntimeApi();
        Path buildDir = Path.of(System.getProperty("project.build.directory", "target"));
        String nativeRunner = System.getProperty("native.image.path");
        List<String> command = new ArrayList<>();
        PackagedLambdaIT.nativeRunner = nativeRunner != null && Files.isExecutable(Path.of(nativeRunner));
        if (PackagedLambdaIT.nativeRunner) {
            command.add(nativeRunner);
        } else {
            Path unpacked = unzip(buildDir.resolve("function.zip"), buildDir.resolve("function-unpacked"));
            String classpath = String.join(File.pathSeparator, unpacked.toString(), unpacked.resolve("lib") + "/*",
                    runtimeClientClasspath());
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", templateHandler()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(buildDir.resolve("packaged-lambda.log").toFile());
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtime.address());
        builder.environment().put("PINECONE_INDEX_HOST", "http://127.0.0.1:" + pinecone.port());
        builder.environment().put("PINECONE_API_KEY", KEY);
        function = builder.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (function != null) {
            function.destroy();
            if (!function.waitFor(10, TimeUnit.SECONDS)) {
                function.destroyForcibly();
            }
        }
        if (runtime != null) {
            runtime.close();
        }
        if (pinecone != null) {
            pinecone.stop();
        }
    }

    @Override
    WireMockServer pinecone() {
        return pinecone;
    }

    @Override
    String apiKey() {
        return KEY;
    }

    /** The JVM handler names each kind; the native executable runs Quarkus' own loop, which does not. */
    @Override
    boolean namesErrors() {
        return !nativeRunner;
    }

    @Override
    Answer invoke(String event) throws Exception {
        LambdaRuntimeApi.Answer answer = runtime.invoke(event);
        return new Answer(answer.error(), new JsonPath(answer.body()), answer.body());
    }

    /** The handler deploy/aws/template.yaml names for the JVM variant: the one AWS will start. */
    @SuppressWarnings("unchecked")
    static String templateHandler() throws java.io.IOException {
        try (var in = Files.newInputStream(Path.of("deploy", "aws", "template.yaml"))) {
            Map<String, Object> template = new org.yaml.snakeyaml.Yaml().load(in);
            Map<String, Object> function = (Map<String, Object>) ((Map<String, Object>) template.get("Resources")).get("ListImportsFunction");
            Map<String, Object> handler = (Map<String, Object>) ((Map<String, Object>) function.get("Properties")).get("Handler");
            return (String) ((List<Object>) handler.get("Fn::If")).get(2);
        }
    }

    /** AWS's runtime client and what it needs, from this test's own class path. */
    private static String runtimeClientClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("aws-lambda-java-runtime-interface-client")
                        || entry.contains("aws-lambda-java-serialization") || entry.contains("aws-lambda-java-core")
                        || entry.contains("utils-lite"))
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    private static Path unzip(Path zip, Path into) throws java.io.IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("no " + zip + ": build it with mvn -Plambda package");
        }
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IllegalStateException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return into;
    }
}
