package io.github.pineconeimports.function.lambda;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.function.ListImportsInput;
import io.netty.handler.codec.http.QueryStringDecoder;

/** The fields of an HTTP request that reached the function as a Lambda Function URL event. */
public final class FunctionUrlEvent {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private FunctionUrlEvent() {
    }

    /**
     * A Lambda Function URL delivers the HTTP request as an event (payload format 2.0): the fields are in its
     * query string or its JSON body, not both. The raw query string is read as the HTTP binding reads one:
     * {@code status} and {@code index} may repeat, anything else given twice is refused.
     */
    public static ListImportsInput fields(Map<String, Object> event) {
        ListImportsInput input = new ListImportsInput();
        Object body = event.get("body");
        if (body instanceof String text && !text.isBlank()) {
            try {
                String json = Boolean.TRUE.equals(event.get("isBase64Encoded"))
                        ? new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8) : text;
                input = JSON.readValue(json, ListImportsInput.class);
                if (input == null) {
                    throw new IllegalArgumentException("null");
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new InvalidQueryException("body", null, "a JSON object with " + String.join(", ",
                        ListImportsInput.FIELDS),
                        "the request body is not a JSON object of listImports fields");
            }
        }
        String query = event.get("rawQueryString") instanceof String raw ? raw : legacyQuery(event);
        if (!query.isEmpty() && event.get("requestContext") instanceof Map<?, ?> context
                && context.get("http") instanceof Map<?, ?> http
                && "POST".equals(http.get("method"))) {
            throw new InvalidQueryException("rawQueryString", null, "a JSON body with " + String.join(", ",
                    ListImportsInput.FIELDS),
                    "a POST reads its fields from its JSON body, not its URL; move them into the body, or use GET");
        }
        if (!query.isEmpty() && !input.isEmpty()) {
            throw new InvalidQueryException("body", null, "fields in the query string or in the body, not both",
                    "the request has both a query string and a body; send the fields in one of them");
        }
        Map<String, List<String>> parameters;
        try {
            parameters = new QueryStringDecoder(query, StandardCharsets.UTF_8, false).parameters();
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("rawQueryString", null, "a URL-encoded query string",
                    "the query string is not URL-encoded");
        }
        return query.isEmpty() ? input : ListImportsInput.fromQuery(parameters);
    }

    /** Without a raw query string (an older payload format), the parsed parameters, URL-encoded again. */
    private static String legacyQuery(Map<String, Object> event) {
        if (!(event.get("queryStringParameters") instanceof Map<?, ?> parameters)) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(String.valueOf(name), StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)));
        return query.toString();
    }
}
