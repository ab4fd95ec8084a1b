package io.github.pineconeimports.function.lambda;

import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.function.ListImportsInput;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportPage;
import io.quarkus.funqy.Funq;

/**
 * {@code listImports} as Lambda invokes it. The event is our fields (direct invocation, Step Functions, an
 * EventBridge rule's constant Input), or an HTTP request through a Function URL, whose fields are in its query
 * string or body. An EventBridge envelope (a rule without constant Input) is refused with the fix.
 */
public class ListImportsLambda {

    private static final TypeReference<Map<String, Object>> EVENT = new TypeReference<>() {
    };

    @Inject
    ImportLister lister;

    @Inject
    ObjectMapper json;

    @Funq("listImports")
    public ImportPage listImports(ObjectNode event) {
        return lister.list(input(event).toQuery());
    }

    ListImportsInput input(ObjectNode event) {
        if (event == null) {
            return new ListImportsInput();
        }
        if (event.has("requestContext") && event.has("rawPath")) {
            return FunctionUrlEvent.fields(json.convertValue(event, EVENT));
        }
        if (event.has("detail-type")) {
            throw new InvalidQueryException("detail-type", null, String.join(", ", ListImportsInput.FIELDS),
                    "this is an EventBridge event envelope; give the rule a constant Input such as {\"status\": "
                            + "[\"Failed\"]}");
        }
        try {
            return json.treeToValue(event, ListImportsInput.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ListImportsInput.unreadable(e);
        }
    }
}
