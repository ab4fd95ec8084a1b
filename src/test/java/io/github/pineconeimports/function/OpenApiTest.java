package io.github.pineconeimports.function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;

import io.github.pineconeimports.emulator.EmulatorMount;
import io.github.pineconeimports.imports.QueryText;
import io.github.pineconeimports.support.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * deploy/openapi.yaml describes the real function: it parses cleanly with an independent parser, it is what
 * {@code /q/openapi} serves, every field it documents is accepted and every field the function accepts is
 * documented, and real answers (lists, counts, errors) match its schemas.
 */
@QuarkusTest
class OpenApiTest {

    @Inject
    EmulatorMount emulator;

    @BeforeEach
    void freshData() {
        emulator.store().reset(250, 42);
    }

    @Test
    void theDocumentParsesWithoutAMessageAndIsWhatTheFunctionServes() throws Exception {
        SwaggerParseResult file = parse(Files.readString(OpenApiDocument.FILE));
        assertEquals(List.of(), file.getMessages());
        SwaggerParseResult served = parse(given().get("/q/openapi").then().statusCode(200).extract().asString());
        assertEquals(List.of(), served.getMessages());
        assertEquals(file.getOpenAPI(), served.getOpenAPI(), "/q/openapi serves the file as written");
    }

    @Test
    void documentedFieldsAreExactlyTheFieldsTheFunctionAccepts() throws Exception {
        ParseOptions resolveFully = new ParseOptions();
        resolveFully.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(Files.readString(OpenApiDocument.FILE), null, resolveFully)
                .getOpenAPI();
        Set<String> query = api.getPaths().get("/listImports").getGet().getParameters().stream().map(Parameter::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> body = new TreeSet<>(api.getPaths().get("/listImports").getPost().getRequestBody().getContent()
                .get("application/json").getSchema().getProperties().keySet());
        assertEquals(new TreeSet<>(QueryText.FIELDS), query, "query parameters");
        assertEquals(new TreeSet<>(QueryText.FIELDS), body, "JSON body fields");

        Map<String, Object> samples = samples();
        assertEquals(query, samples.keySet(), "a sample for every field");
        for (Map.Entry<String, Object> field : samples.entrySet()) {
            Map<String, Object> fields = withWhatItNeeds(field.getKey(), field.getValue());
            Response get = given().filter(OpenApiDocument.filter()).queryParams(fields).get("/listImports");
            Response post = given().filter(OpenApiDocument.filter()).contentType(ContentType.JSON).body(fields)
                    .post("/listImports");
            for (Response answer : List.of(get, post)) {
                if (field.getKey().equals("index")) {
                    // accepted as a field, then refused because this profile configures an index host: one "where"
                    answer.then().statusCode(400).body("field", equalTo("index"))
                            .body("allowed", equalTo("index names, or an index host, not both"));
                } else {
                    assertEquals(200, answer.statusCode(), field + ": " + answer.asString());
                }
            }
        }
        // and nothing else: an undocumented field is refused, naming it, with a documented error
        for (Response answer : List.of(given().queryParam("statuses", "Failed").get("/listImports"),
                given().contentType(ContentType.JSON).body(Map.of("statuses", "Failed")).post("/listImports"))) {
            answer.then().statusCode(400).body("field", equalTo("statuses"));
            OpenApiDocument.assertDocumented(Request.Method.GET, 400, answer.asString());
        }
    }

    @Test
    void realAnswersMatchTheSchemas() {
        // a page with more to follow, a whole listing, counts, and the errors a caller can cause
        given().filter(OpenApiDocument.filter()).queryParam("status", "Failed").queryParam("limit", 3)
                .get("/listImports").then().statusCode(200).body("pagination.next", notNullValue());
        given().filter(OpenApiDocument.filter()).queryParam("all", true).get("/listImports").then().statusCode(200);
        given().filter(OpenApiDocument.filter()).contentType(ContentType.JSON)
                .body(Map.of("counts", true, "status", List.of("Failed")))
                .post("/listImports").then().statusCode(200).body("matched.byStatus.Pending", equalTo(0));
        for (String query : List.of("status=Broken", "limit=0", "counts=true&all=true", "since=yesterday",
                "finishedWithin=0s", "asOf=2026-01-01T00:00:00Z", "paginationToken=nope")) {
            Response answer = given().get("/listImports?" + query);
            assertEquals(400, answer.statusCode(), query);
            OpenApiDocument.assertDocumented(Request.Method.GET, 400, answer.asString());
        }
        // a documented answer is told apart from an undocumented one: the check can fail
        assertNotEquals(List.of(), OpenApiDocument.validator().validateResponse("/listImports", Request.Method.GET,
                SimpleResponse.Builder.status(200).withContentType("application/json")
                        .withBody("{\"matched\": {\"total\": 1, \"byStatus\": {\"Failed\": 1}}, \"summary\": {}}")
                        .build()).getMessages());
    }

    /** A valid value of every field, as a caller would send it. */
    private static Map<String, Object> samples() {
        String token = given().queryParam("limit", 2).get("/listImports").then().statusCode(200).extract()
                .path("pagination.next");
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put("status", "failed,Cancelled"); // any case, commas: as the README writes it
        samples.put("limit", 5);
        samples.put("paginationToken", token);
        samples.put("all", true);
        samples.put("counts", true);
        samples.put("since", "2026-01-01T00:00:00Z");
        samples.put("until", Instant.now().toString());
        samples.put("finishedSince", "2026-01-01T00:00:00Z");
        samples.put("finishedUntil", Instant.now().toString());
        samples.put("finishedWithin", "PT15M");
        samples.put("asOf", Instant.now().toString());
        samples.put("index", "alpha,beta");
        return samples;
    }

    /** The field, with the one other field it cannot go without. */
    private static Map<String, Object> withWhatItNeeds(String field, Object value) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of(field, value));
        if (field.equals("asOf")) {
            fields.put("finishedWithin", "PT15M");
        }
        if (field.equals("paginationToken")) {
            fields.put("limit", 2);
        }
        return fields;
    }

    private static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }
}
