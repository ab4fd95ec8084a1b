package io.github.pineconeimports.lambda;

import static io.github.pineconeimports.support.Descriptors.DEPLOY;
import static io.github.pineconeimports.support.Descriptors.JSON;
import static io.github.pineconeimports.support.Descriptors.list;
import static io.github.pineconeimports.support.Descriptors.map;
import static io.github.pineconeimports.support.Descriptors.validInput;
import static io.github.pineconeimports.support.Descriptors.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.client.IndexHost;
import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.function.lambda.LambdaError;
import io.github.pineconeimports.function.lambda.ListImportsHandler;
import io.github.pineconeimports.function.lambda.SecretApiKey;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.ImportStatus;
import io.github.pineconeimports.imports.Mode;
import io.github.pineconeimports.support.AlertRules;

/**
 * deploy/aws agrees with the Lambda build: the handler, the runtimes, where the key comes from, a schedule whose
 * input is a valid query over exactly its own period, results routed to alerts, and a state machine that uses
 * the error names the function really reports.
 */
class AwsDescriptorsTest {

    @Test
    void theFunctionIsTheLambdaBuild() throws Exception {
        Map<String, Object> props = function();
        assertEquals("../../target/lambda/function.zip", props.get("CodeUri"), "the zip mvn package -Plambda leaves");
        assertEquals(List.of("IsNative", "provided.al2023", "java21"), ifBranches(props.get("Runtime")));
        assertEquals(ListImportsHandler.class.getName() + "::handleRequest", ifBranches(props.get("Handler")).get(2));
        assertEquals(Map.of("ApplyOn", "PublishedVersions"), ifBranches(props.get("SnapStart")).get(2),
                "SnapStart on the JVM");
        assertTrue(((Number) props.get("Timeout")).intValue() <= 30);
        Map<String, Object> env = map(map(props.get("Environment")).get("Variables"));
        // a host, or a name: never both
        assertEquals(List.of("HasIndexName", Map.of("Ref", "AWS::NoValue"), Map.of("Ref", "IndexHost")),
                ifBranches(env.get(IndexHost.VARIABLE)));
        assertEquals(List.of("HasIndexName", Map.of("Ref", "IndexName"), Map.of("Ref", "AWS::NoValue")),
                ifBranches(env.get(Connection.INDEX_VARIABLE)));
        assertFalse(env.containsKey(Connection.API_KEY_VARIABLE), "no key in the environment");
        assertFalse(JSON.writeValueAsString(env).contains("resolve:secretsmanager"),
                "no secret resolved into the environment");
        assertEquals(Map.of("Ref", "ApiKeySecret"), env.get(SecretApiKey.VARIABLE),
                "the secret's name, read at run time");
        assertEquals(List.of(Map.of("Ref", "SecretsExtensionLayer")), props.get("Layers"),
                "the extension that reads it");
        Map<String, Object> policy = map(list(props.get("Policies")).get(0));
        assertEquals(Map.of("SecretArn", Map.of("Fn::Sub",
                "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${ApiKeySecret}-??????")),
                policy.get("AWSSecretsManagerGetSecretValuePolicy"), "allowed to read that one secret, nothing more");
        assertEquals("AWS_IAM", map(props.get("FunctionUrlConfig")).get("AuthType"));
    }

    @Test
    void theScheduleReportsWhatEndedInItsOwnPeriod() throws Exception {
        Map<String, Object> schedule = map(map(map(function().get("Events")).get("FailedImports")).get("Properties"));
        assertEquals(Map.of("Fn::Sub", "rate(${SchedulePeriodMinutes} minutes)"), schedule.get("ScheduleExpression"));
        String input = (String) map(schedule.get("Input")).get("Fn::Sub");
        for (int minutes : new int[] { 2, 15, 60 }) {
            // what EventBridge Scheduler delivers: the parameter substituted, the context attribute filled in
            ImportQuery query = validInput(input.replace("${SchedulePeriodMinutes}", String.valueOf(minutes))
                    .replace("<aws.scheduler.scheduled-time>", "2026-11-29T12:15:00Z"));
            assertEquals(Set.of(ImportStatus.FAILED, ImportStatus.CANCELLED), query.statuses());
            assertEquals(Mode.ALL, query.mode());
            assertEquals(Instant.parse("2026-11-29T12:15:00Z"), query.finished().until(),
                    "the window ends at the scheduled time");
            assertEquals(Duration.ofMinutes(minutes),
                    Duration.between(query.finished().since(), query.finished().until()),
                    "the window is the schedule's period: consecutive runs tile time");
        }
        assertEquals(2,
                map(map(yaml("aws/template.yaml").get("Parameters")).get("SchedulePeriodMinutes")).get("MinValue"),
                "rate() needs 'minutes' in the plural");
    }

    @Test
    void everyResultGoesToTheAlertBusAndAlertsReachTheTopic() throws Exception {
        Map<String, Object> invoke = map(function().get("EventInvokeConfig"));
        for (String outcome : List.of("OnSuccess", "OnFailure")) {
            Map<String, Object> destination = map(map(invoke.get("DestinationConfig")).get(outcome));
            assertEquals("EventBridge", destination.get("Type"));
            assertEquals(Map.of("Fn::GetAtt", List.of("AlertBus", "Arn")), destination.get("Destination"));
        }
        Map<String, Object> resources = map(yaml("aws/template.yaml").get("Resources"));
        for (String rule : List.of(AlertRules.FOUND, AlertRules.FAILED)) {
            Map<String, Object> props = map(map(resources.get(rule)).get("Properties"));
            assertEquals(Map.of("Ref", "AlertBus"), props.get("EventBusName"));
            Map<String, Object> target = map(list(props.get("Targets")).get(0));
            assertEquals(Map.of("Ref", "AlertTopic"), target.get("Arn"));
            // the template is JSON once the placeholders hold JSON values
            String template = (String) map(target.get("InputTransformer")).get("InputTemplate");
            for (Object name : map(map(target.get("InputTransformer")).get("InputPathsMap")).keySet()) {
                template = template.replace("<" + name + ">", "\"x\"");
            }
            JSON.readTree(template);
        }
        Map<String, Object> subscription = map(resources.get("AlertSubscription"));
        assertEquals("HasAlertEmail", subscription.get("Condition"), "subscribed only when AlertEmail is given");
        assertEquals(Map.of("Ref", "AlertEmail"), map(subscription.get("Properties")).get("Endpoint"));
    }

    @Test
    void theAlertRulesMatchWhatTheyShould() throws Exception {
        AlertRules rules = new AlertRules();
        String input = "{\"status\": [\"Failed\", \"Cancelled\"], \"finishedWithin\": \"PT15M\","
                + " \"asOf\": \"2026-11-29T12:15:00Z\", \"all\": true}";
        String found = "{\"data\": [{\"id\": \"17\", \"uri\": \"s3://b/17/\", \"status\": \"Failed\","
                + " \"error\": \"Invalid parquet file\"}],"
                + " \"summary\": {\"scanned\": 250, \"pages\": 3, \"byStatus\": {\"Failed\": 1}}}";
        String empty = "{\"data\": [], \"summary\": {\"scanned\": 250, \"pages\": 3,"
                + " \"byStatus\": {\"Completed\": 250}}}";
        String error = "{\"errorType\": \"" + LambdaError.UpstreamUnavailable.class.getName()
                + "\", \"errorMessage\": \"Listing incomplete\"}";
        assertEquals(List.of(AlertRules.FOUND), rules.matching(AlertRules.success(input, found)));
        assertEquals(List.of(), rules.matching(AlertRules.success(input, empty)));
        assertEquals(List.of(AlertRules.FAILED), rules.matching(AlertRules.failure(input, error)));
    }

    @Test
    void theStateMachineUsesTheErrorNamesTheFunctionReports() throws Exception {
        Map<String, Object> asl = JSON.readValue(DEPLOY.resolve("aws/wait-for-imports.asl.json").toFile(), Map.class);
        Map<String, Object> states = map(asl.get("States"));
        Map<String, Object> task = map(states.get("CountImports"));
        assertEquals("$.request", map(task.get("Parameters")).get("Payload.$"));
        for (String request : List.of("RequestForIndexes", "RequestForConfiguredIndex")) {
            Map<String, Object> payload = new LinkedHashMap<>(map(map(states.get(request)).get("Parameters")));
            // a "field.$" is a path into the state input; give it a sample value of the right kind
            new ArrayList<>(payload.keySet()).stream().filter(k -> k.endsWith(".$")).forEach(k -> {
                payload.remove(k);
                payload.put(k.substring(0, k.length() - 2), k.startsWith("index") ? "alpha" : "2026-11-28T00:00:00Z");
            });
            validInput(JSON.writeValueAsString(payload));
        }
        assertEquals("$.Payload.matched", map(task.get("ResultSelector")).get("matched.$"));

        Set<String> retried = names(task.get("Retry"));
        Map<String, String> caught = new LinkedHashMap<>();
        for (Object c : list(task.get("Catch"))) {
            for (Object name : list(map(c).get("ErrorEquals"))) {
                caught.put((String) name, (String) map(c).get("Next"));
                assertTrue(states.containsKey(map(c).get("Next")));
            }
        }
        Set<String> incomplete = new HashSet<>();
        for (Failure.Kind kind : Failure.Kind.values()) {
            if (kind == Failure.Kind.INTERNAL) {
                continue;
            }
            String name = LambdaError.class.getName() + "$" + simpleName(kind);
            Class.forName(name); // the name is a class the handler throws
            if (kind.incomplete() && kind != Failure.Kind.UPSTREAM_REJECTED) {
                incomplete.add(name);
                assertEquals("ListingIncomplete", caught.get(name), name + " fails as incomplete after its retries");
            } else {
                assertFalse(retried.contains(name), name + " is not worth a retry");
                assertTrue(caught.containsKey(name), name + " is caught");
            }
        }
        assertTrue(retried.containsAll(incomplete), "an incomplete listing is retried");
        assertEquals("CallerMistake", caught.get(LambdaError.InvalidInput.class.getName()));
        assertEquals("NotConfigured", caught.get(LambdaError.NotConfigured.class.getName()));
        for (Object s : states.values()) {
            Object next = map(s).get("Next");
            assertTrue(next == null || states.containsKey(next), "state " + next + " exists");
        }
        for (Object choice : list(map(states.get("Settled")).get("Choices"))) {
            List<Object> conditions = map(choice).containsKey("Or") ? list(map(choice).get("Or")) : List.of(choice);
            for (Object condition : conditions) {
                String variable = (String) map(condition).get("Variable");
                String last = variable.substring(variable.lastIndexOf('.') + 1);
                assertTrue(variable.equals("$.imports.matched.notReady")
                        || variable.startsWith("$.imports.matched.byStatus.") && ImportStatus.NAMES.contains(last),
                        variable + " names a status the matched counts always hold, or the indexes not ready");
            }
        }
    }

    /** LambdaError's class for a kind: UPSTREAM_UNAVAILABLE is UpstreamUnavailable, DEADLINE is DeadlineExceeded. */
    private static String simpleName(Failure.Kind kind) {
        if (kind == Failure.Kind.DEADLINE) {
            return "DeadlineExceeded";
        }
        StringBuilder name = new StringBuilder();
        for (String word : kind.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }

    private static Set<String> names(Object retriersOrCatchers) {
        Set<String> names = new HashSet<>();
        list(retriersOrCatchers).forEach(r -> list(map(r).get("ErrorEquals")).forEach(n -> names.add((String) n)));
        return names;
    }

    private static Map<String, Object> function() throws Exception {
        return map(map(map(map(yaml("aws/template.yaml").get("Resources")).get("ListImportsFunction")))
                .get("Properties"));
    }

    private static List<Object> ifBranches(Object node) {
        return list(map(node).get("Fn::If"));
    }
}
