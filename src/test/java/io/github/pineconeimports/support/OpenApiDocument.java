package io.github.pineconeimports.support;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

/**
 * deploy/openapi.yaml, the function's OpenAPI description, as an independent validator (Atlassian's
 * swagger-request-validator) reads it: real requests and answers are checked against it.
 */
public final class OpenApiDocument {

    public static final Path FILE = Path.of("deploy", "openapi.yaml");
    private static OpenApiInteractionValidator validator;

    private OpenApiDocument() {
    }

    public static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            try {
                validator = OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(FILE)).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return validator;
    }

    /** A REST Assured filter that fails a call whose request or answer the document does not describe. */
    public static OpenApiValidationFilter filter() {
        return new OpenApiValidationFilter(validator());
    }

    /** Fails unless {@code body}, answered with {@code status} to {@code method /listImports}, is as documented. */
    public static void assertDocumented(Request.Method method, int status, String body) {
        ValidationReport report = validator().validateResponse("/listImports", method,
                SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build());
        assertFalse(report.hasErrors(),
                "answer " + status + " " + body + " is not as documented: " + report.getMessages());
    }
}
