package io.github.pineconeimports.lambda;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.support.LambdaRuntimeApi;
import io.github.pineconeimports.support.PackagedLambda;

/**
 * Benchmark harness (run by src/bench/run.sh with -Plambda,bench-lambda, never by mvn verify): the packaged
 * function.zip through the local Lambda Runtime API, as AWS runs it with the JVM options the SAM template sets.
 * Cold start: process start to the first answer, side by side with {@link PlainHandler} started the same way.
 * SnapStart priming: the first invocation after the init phase, unprimed and primed (through the checkpoint
 * stand-in, {@link io.github.pineconeimports.lambda.checkpoint.Core}). Memory: peak RSS over
 * {@code bench.invocations} invocations. With {@code bench.native-lambda}, a native Lambda build's directory, its
 * function.zip ({@code bootstrap}) is measured the same way, interleaved. Writes target/lambda/bench/lambda.tsv.
 */
class LambdaBench {

    @Test
    void coldStartAndMemory() throws Exception {
        String host = System.getProperty("bench.host", "127.0.0.1:5090");
        String key = System.getProperty("bench.key", "pclocal-emulator-key");
        int starts = Integer.getInteger("bench.starts", 7);
        int invocations = Integer.getInteger("bench.invocations", 300);
        String nativeDir = System.getProperty("bench.native-lambda", "");
        Path nativeBuild = nativeDir.isBlank() ? null : Path.of(nativeDir);
        Map<String, String> env = new java.util.HashMap<>(PackagedLambda.templateEnvironment());
        env.put("PINECONE_INDEX_HOST", "http://" + host);
        env.put("PINECONE_API_KEY", key);
        env.remove("PINECONE_API_KEY_SECRET");
        String event = "{\"status\": [\"Failed\"], \"limit\": 100}";
        List<Double> ours = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> natives = new ArrayList<>();
        for (int round = 0; round < starts + 1; round++) {
            double a = firstAnswer(PackagedLambda.start(env, "bench-lambda.log"), event);
            double b = firstAnswer(PackagedLambda.startPlain(env, "bench-plain.log",
                    PlainHandler.class.getName() + "::handleRequest"), event);
            double c = nativeBuild == null ? 0
                    : firstAnswer(PackagedLambda.start(nativeBuild, env, "bench-native.log"), event);
            if (round > 0) { // the first round warms the file cache
                ours.add(a);
                plain.add(b);
                natives.add(c);
            }
        }
        // SnapStart priming: what it saves the first invocation after a restore, with the checkpoint stand-in
        List<Double> unprimed = new ArrayList<>();
        List<Double> primed = new ArrayList<>();
        Map<String, String> checkpointing = new java.util.HashMap<>(env);
        checkpointing.put("JAVA_TOOL_OPTIONS", env.getOrDefault("JAVA_TOOL_OPTIONS", "")
                + " -Dorg.crac.Core.Compat=" + io.github.pineconeimports.lambda.checkpoint.Core.class.getPackageName());
        for (int round = 0; round < starts; round++) {
            unprimed.add(firstInvocation(PackagedLambda.start(env, "bench-lambda.log"), event));
            primed.add(firstInvocation(PackagedLambda.start(checkpointing, "bench-lambda-primed.log",
                    PackagedLambda.testClasses()), event));
        }
        long peak = peakRssKb(PackagedLambda.start(env, "bench-lambda-memory.log"), event, invocations);
        long nativePeak = nativeBuild == null ? 0
                : peakRssKb(PackagedLambda.start(nativeBuild, env, "bench-native-memory.log"), event, invocations);
        Path out = Path.of(System.getProperty("project.build.directory", "target"), "bench", "lambda.tsv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.format(Locale.ROOT, "cold-start-function\t%.0f%ncold-start-plain\t%.0f%n"
                + "first-invocation-unprimed\t%.1f%nfirst-invocation-primed\t%.1f%npeak-rss-mb\t%d%ninvocations\t%d%n"
                + "java-tool-options\t%s%n", median(ours), median(plain), median(unprimed), median(primed), peak / 1024,
                invocations, env.getOrDefault("JAVA_TOOL_OPTIONS", "")));
        if (nativeBuild != null) {
            Files.writeString(out, String.format(Locale.ROOT, "cold-start-native\t%.0f%npeak-rss-native-mb\t%d%n",
                    median(natives), nativePeak / 1024), java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** Peak resident memory of {@code function} over {@code invocations} invocations, in kB. */
    private static long peakRssKb(PackagedLambda function, String event, int invocations) throws Exception {
        try (function) {
            for (int i = 0; i < invocations; i++) {
                assertFalse(function.runtime.invoke(event).error());
            }
            return function.peakRssKb();
        }
    }

    /** Milliseconds from process start to the first answer. */
    private static double firstAnswer(PackagedLambda function, String event) throws Exception {
        try (function) {
            LambdaRuntimeApi.Answer answer = function.runtime.invoke(event);
            if (answer.error()) {
                throw new AssertionError(answer.body());
            }
            return (System.nanoTime() - function.startedNanos) / 1e6;
        }
    }

    /** Milliseconds of the first invocation alone, handed over once the function's init phase is done. */
    private static double firstInvocation(PackagedLambda function, String event) throws Exception {
        try (function) {
            function.runtime.awaitFirstPoll();
            long start = System.nanoTime();
            LambdaRuntimeApi.Answer answer = function.runtime.invoke(event);
            if (answer.error()) {
                throw new AssertionError(answer.body());
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
