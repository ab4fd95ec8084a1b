package io.github.pineconeimports.support;

import static io.github.pineconeimports.support.Descriptors.JSON;
import static io.github.pineconeimports.support.Descriptors.map;
import static io.github.pineconeimports.support.Descriptors.yaml;

import java.util.List;
import java.util.Map;

import software.amazon.event.ruler.Machine;

/**
 * The EventBridge rules of deploy/aws/template.yaml, read from the template and run by AWS's own matcher
 * (event-ruler), over the envelopes Lambda destinations put on the bus.
 */
public final class AlertRules {

    public static final String FOUND = "ImportsFoundRule";
    public static final String FAILED = "ListingFailedRule";

    private final Machine machine = new Machine();

    public AlertRules() throws Exception {
        Map<String, Object> resources = map(yaml("aws/template.yaml").get("Resources"));
        for (String rule : List.of(FOUND, FAILED)) {
            machine.addRule(rule,
                    JSON.writeValueAsString(map(map(resources.get(rule)).get("Properties")).get("EventPattern")));
        }
    }

    /** The rules an event matches. */
    public List<String> matching(String event) throws Exception {
        return machine.rulesForJSONEvent(event);
    }

    /**
     * The record a Lambda destination puts on the bus after an asynchronous invocation that returned
     * {@code answer}.
     */
    public static String success(String input, String answer) {
        return envelope("Success", "Success", input, "{\"statusCode\": 200, \"executedVersion\": \"7\"}", answer);
    }

    /**
     * The record after an invocation that failed with {@code error} ({@code errorType}, {@code errorMessage}) every
     * time.
     */
    public static String failure(String input, String error) {
        return envelope("Failure", "RetriesExhausted", input,
                "{\"statusCode\": 200, \"executedVersion\": \"7\", \"functionError\": \"Unhandled\"}", error);
    }

    private static String envelope(String result, String condition, String input, String responseContext,
            String payload) {
        String function = "arn:aws:lambda:eu-west-1:123456789012:function:pinecone-imports:live";
        return "{\"version\": \"0\", \"id\": \"0b4b4a2f-6f42-4b2e-9d9e-2f1a3c7e5d11\","
                + " \"detail-type\": \"Lambda Function Invocation Result - " + result + "\", \"source\": \"lambda\","
                + " \"account\": \"123456789012\", \"time\": \"2026-11-29T12:15:03Z\", \"region\": \"eu-west-1\","
                + " \"resources\": [\"arn:aws:events:eu-west-1:123456789012:event-bus/pinecone-imports-results\","
                + " \"" + function + "\"],"
                + " \"detail\": {\"version\": \"1.0\", \"timestamp\": \"2026-11-29T12:15:03.201Z\","
                + " \"requestContext\": {\"requestId\": \"3c7a2b1e-9a0d-4a51-8f6e-1d2c3b4a5e6f\","
                + " \"functionArn\": \"" + function + "\","
                + " \"condition\": \"" + condition + "\", \"approximateInvokeCount\": "
                + ("Success".equals(result) ? 1 : 3) + "},"
                + " \"requestPayload\": " + input + ", \"responseContext\": " + responseContext
                + ", \"responsePayload\": " + payload + "}}";
    }
}
