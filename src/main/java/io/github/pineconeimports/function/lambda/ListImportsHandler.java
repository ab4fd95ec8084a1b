package io.github.pineconeimports.function.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import io.github.pineconeimports.function.ListImportsInput;
import io.github.pineconeimports.imports.InvalidQueryException;
import io.quarkus.funqy.lambda.FunqyStreamHandler;

/**
 * The handler deploy/aws/template.yaml names for the JVM runtime: Funqy's own, except that a failure leaves as
 * the {@link LambdaError} of its kind instead of Funqy's one {@code ApplicationException}, so Step Functions
 * (which sees only the error's name) can tell a caller's mistake from an incomplete listing from a missing
 * setting. The native runtime runs Quarkus' own loop, which keeps Funqy's name (see deploy/aws/README.md).
 */
public class ListImportsHandler implements RequestStreamHandler {

    private final FunqyStreamHandler funqy = new FunqyStreamHandler();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        try {
            byte[] event = input.readAllBytes();
            refuseDuplicateKeys(event);
            funqy.handleRequest(new java.io.ByteArrayInputStream(event), output, context);
        } catch (IOException | RuntimeException e) {
            // an event that is not a JSON object of our fields is the caller's mistake, named as one
            InvalidQueryException unreadable = ListImportsInput.unreadableInput(e);
            throw LambdaError.of(unreadable != null ? unreadable : e);
        }
    }

    /**
     * Funqy reads an event into a JSON tree first, where a key given twice silently keeps its last value: a
     * {@code {"limit": 1, "limit": 50}} is refused here, naming the key, before that can happen.
     */
    static void refuseDuplicateKeys(byte[] event) throws IOException {
        try (JsonParser parser = STRICT.createParser(event)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
        } catch (JsonParseException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Duplicate field '")) {
                String field = message.substring("Duplicate field '".length(), message.indexOf('\'', "Duplicate field '".length()));
                throw new InvalidQueryException(field, null, "one " + field + " field", field + " is given more than once; give it once");
            }
            // anything else unreadable is Funqy's to report, as before
        }
    }

    private static final JsonFactory STRICT = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
}
