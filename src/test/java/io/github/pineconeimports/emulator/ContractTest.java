package io.github.pineconeimports.emulator;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.ws.rs.QueryParam;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.client.ImportModel;
import io.github.pineconeimports.client.PineconeApi;
import io.github.pineconeimports.client.StartImportRequest;
import io.github.pineconeimports.imports.ImportQuery;
import io.github.pineconeimports.imports.ImportStatus;
import io.github.pineconeimports.support.Emulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Checks the emulator's answers and the client's models against Pinecone's official OpenAPI description,
 * read from {@code ../shared/pinecone-api} (or {@code -Dpinecone.api.dir}). Skipped, saying so, where the
 * description is not present: the project does not carry a copy.
 */
@QuarkusTest
class ContractTest {

    static final Path DIR = Path.of(System.getProperty("pinecone.api.dir", "../shared/pinecone-api"));

    @Test
    void clientModelCoversImportModelInEveryDataPlaneVersion() {
        Set<String> ours = Arrays.stream(ImportModel.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(n -> !n.equals("extra")).collect(Collectors.toCollection(TreeSet::new));
        for (String version : List.of("2025-01", "2025-10", "2026-04")) {
            Map<String, Object> spec = spec("db_data_" + version + ".oas.yaml");
            assertEquals(new TreeSet<>(properties(spec, "ImportModel").keySet()), ours,
                    "ImportModel fields, API " + version);
        }
    }

    @Test
    void queryParametersAndLimitsMatchTheSpec() throws Exception {
        Map<String, Object> spec = spec("db_data_2025-01.oas.yaml");
        List<Map<String, Object>> parameters = list(operation(spec, "/bulk/imports", "get").get("parameters"));
        Set<String> specNames = parameters.stream().filter(p -> "query".equals(p.get("in")))
                .map(p -> (String) p.get("name"))
                .collect(Collectors.toSet());
        Method list = PineconeApi.class.getMethod("listImports", Integer.class, String.class);
        Set<String> clientNames = Arrays.stream(list.getParameters())
                .map(p -> p.getAnnotation(QueryParam.class).value())
                .collect(Collectors.toSet());
        assertEquals(specNames, clientNames);
        Map<String, Object> limit = map(parameters.stream().filter(p -> "limit".equals(p.get("name"))).findFirst()
                .orElseThrow().get("schema"));
        assertEquals(((Number) limit.get("maximum")).intValue(), ImportQuery.MAX_LIMIT);
        assertEquals(Integer.parseInt(String.valueOf(limit.get("default"))), ImportQuery.DEFAULT_LIMIT);
        given().header("Api-Key", Emulator.KEY).queryParam("limit", limit.get("maximum")).get("/bulk/imports").then()
                .statusCode(200);
        given().header("Api-Key", Emulator.KEY).queryParam("limit", ((Number) limit.get("maximum")).intValue() + 1)
                .get("/bulk/imports").then().statusCode(400);
        given().header("Api-Key", Emulator.KEY).queryParam("limit", ((Number) limit.get("minimum")).intValue() - 1)
                .get("/bulk/imports").then().statusCode(400);
    }

    @Test
    void statusEnumIsTheOneTheFilterKnows() {
        Map<String, Object> status = map(properties(spec("db_data_2025-01.oas.yaml"), "ImportModel").get("status"));
        assertEquals(ImportStatus.NAMES, status.get("enum"));
    }

    @Test
    void emulatorListAnswerFollowsListImportsResponse() {
        Map<String, Object> spec = spec("db_data_2025-01.oas.yaml");
        JsonPath page = given().header("Api-Key", Emulator.KEY).queryParam("limit", 100).get("/bulk/imports")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        Map<String, Object> body = page.<String, Object> getMap("");
        assertSubset(body.keySet(), properties(spec, "ListImportsResponse").keySet(), "ListImportsResponse");
        assertSubset(page.<String, Object> getMap("pagination").keySet(), properties(spec, "Pagination").keySet(),
                "Pagination");
        Map<String, Object> model = properties(spec, "ImportModel");
        List<String> statuses = list(map(model.get("status")).get("enum"));
        for (Map<String, Object> item : page.<Map<String, Object>> getList("data")) {
            assertSubset(item.keySet(), model.keySet(), "ImportModel");
            assertTrue(statuses.contains(item.get("status")), "status " + item.get("status"));
            item.forEach((field, value) -> assertType(map(model.get(field)), value, field));
        }
    }

    @Test
    void emulatorErrorsAndStartAnswerFollowTheSpec() {
        Map<String, Object> spec = spec("db_data_2025-01.oas.yaml");
        Map<String, Object> rpc = properties(spec, "rpcStatus");
        Map<String, Object> error = given().header("Api-Key", Emulator.KEY).queryParam("limit", 0).get("/bulk/imports")
                .then().statusCode(400).extract().jsonPath().<String, Object> getMap("");
        assertSubset(error.keySet(), rpc.keySet(), "rpcStatus");
        error.forEach((field, value) -> assertType(map(rpc.get(field)), value, field));
        Map<String, Object> started = given().header("Api-Key", Emulator.KEY).contentType(ContentType.JSON)
                .body("{\"uri\":\"s3://bucket/contract/\"}").post("/bulk/imports").then().statusCode(200)
                .extract().jsonPath().<String, Object> getMap("");
        assertSubset(started.keySet(), properties(spec, "StartImportResponse").keySet(), "StartImportResponse");
        List<String> required = list(map(map(map(spec.get("components")).get("schemas")).get("StartImportRequest"))
                .get("required"));
        assertEquals(List.of("uri"), required, "the emulator requires exactly uri");
    }

    @Test
    void theLifecycleOfAnImportFollowsTheSpecInEveryVersionWeSend() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String version : List.of("2025-01", "2025-10", "2026-04")) {
            Map<String, Object> spec = spec("db_data_" + version + ".oas.yaml");
            assertEquals(version, String.valueOf(map(spec.get("info")).get("version")));
            // each call says the version it speaks, as the client does; from 2025-10 every operation declares the
            // header, requires it, and names its own version
            int declared = 0;
            for (String[] call : new String[][] { { "/bulk/imports", "get" }, { "/bulk/imports", "post" },
                    { "/bulk/imports/{id}", "get" }, { "/bulk/imports/{id}", "delete" } }) {
                for (Map<String, Object> p : ContractTest.<Map<String, Object>> list(operation(spec, call[0], call[1])
                        .getOrDefault("parameters", List.of()))) {
                    if ("X-Pinecone-Api-Version".equals(p.get("name"))) {
                        declared++;
                        assertEquals(true, p.get("required"), call[1] + " " + call[0]);
                        assertEquals(version, String.valueOf(map(p.get("schema")).get("default")), call[0]);
                    }
                }
            }
            assertEquals(version.equals("2025-01") ? 0 : 4, declared, "operations declaring the version header");
            Supplier<RequestSpecification> pinecone = () -> given().header("Api-Key", Emulator.KEY)
                    .header("X-Pinecone-Api-Version", version);
            // what the client sends to start one: only fields the spec has, errorMode left out when not chosen
            Map<String, Object> request = json.convertValue(new StartImportRequest("s3://bucket/contract/", "int-1",
                    new StartImportRequest.ErrorMode("continue")), Map.class);
            assertSubset(request.keySet(), properties(spec, "StartImportRequest").keySet(), "StartImportRequest");
            assertSubset(map(request.get("errorMode")).keySet(), properties(spec, "ImportErrorMode").keySet(),
                    "ImportErrorMode");
            Map<String, Object> onError = map(properties(spec, "ImportErrorMode").get("onError"));
            assertEquals(List.of("abort", "continue"), onError.getOrDefault("enum", onError.get("x-enum")),
                    "the modes --error-mode offers, API " + version);
            assertEquals(Map.of("uri", "s3://bucket/x/"), json.convertValue(new StartImportRequest("s3://bucket/x/",
                    null, null), Map.class), "nothing sent that was not chosen");
            // the emulator answers each operation in the spec's shapes
            String id = pinecone.get().contentType(ContentType.JSON)
                    .body(json.writeValueAsString(request)).post("/bulk/imports").then().statusCode(200)
                    .extract().jsonPath().getString("id");
            Map<String, Object> described = pinecone.get().get("/bulk/imports/" + id)
                    .then().statusCode(200).extract().jsonPath().<String, Object> getMap("");
            Map<String, Object> model = properties(spec, "ImportModel");
            assertSubset(described.keySet(), model.keySet(), "ImportModel");
            described.forEach((field, value) -> assertType(map(model.get(field)), value, field));
            Map<String, Object> cancelled = pinecone.get().delete("/bulk/imports/" + id)
                    .then().statusCode(200).extract().jsonPath().<String, Object> getMap("");
            // CancelImportResponse is an object without properties
            assertEquals("object", map(map(map(spec.get("components")).get("schemas")).get("CancelImportResponse"))
                    .get("type"));
            assertEquals(Map.of(), cancelled, "CancelImportResponse");
            assertEquals("Cancelled", pinecone.get().get("/bulk/imports/" + id).then()
                    .extract().jsonPath().getString("status"));
            for (String operation : List.of("get", "delete")) {
                Map<String, Object> error = (operation.equals("get") ? pinecone.get()
                        .get("/bulk/imports/no-such-import") : pinecone.get()
                        .delete("/bulk/imports/no-such-import")).then().statusCode(404).extract().jsonPath()
                        .<String, Object> getMap("");
                assertSubset(error.keySet(), properties(spec, "rpcStatus").keySet(), "rpcStatus");
                assertTrue(map(operation(spec, "/bulk/imports/{id}", operation).get("responses"))
                        .containsKey("4XX"), operation + " documents its 4XX answers");
            }
            pinecone.get().contentType(ContentType.JSON)
                    .body("{\"uri\":\"s3://bucket/x/\",\"errorMode\":{\"onError\":\"skip\"}}")
                    .post("/bulk/imports").then().statusCode(400);
        }
    }

    @Test
    void controlPlaneEmulatorAndClientFollowTheControlPlaneSpec() {
        Map<String, Object> spec = spec("db_control_2025-01.oas.yaml");
        Map<String, Object> index = map(map(map(spec.get("components")).get("schemas")).get("IndexModel"));
        Set<String> ours = Arrays.stream(io.github.pineconeimports.client.IndexModel.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        assertSubset(ours, map(index.get("properties")).keySet(), "the client's IndexModel");
        try (EmulatorProject project = EmulatorProject.start(EmulatorSettings.defaults().withImports(3, 1),
                List.of("alpha", "beta"))) {
            String base = "http://127.0.0.1:" + project.port();
            JsonPath list = given().header("Api-Key", Emulator.KEY).get(base + "/indexes").then().statusCode(200)
                    .extract().jsonPath();
            assertSubset(list.<String, Object> getMap("").keySet(), properties(spec, "IndexList").keySet(),
                    "IndexList");
            for (Map<String, Object> model : list.<Map<String, Object>> getList("indexes")) {
                assertSubset(model.keySet(), map(index.get("properties")).keySet(), "IndexModel");
                assertTrue(model.keySet().containsAll(list(index.get("required"))),
                        "IndexModel's required fields: " + model.keySet());
                assertTrue(((String) model.get("host")).matches("127\\.0\\.0\\.1:\\d+"),
                        "a bare host:port, as Pinecone reports hosts");
            }
            Map<String, Object> errorSchema = properties(spec, "ErrorResponse");
            List<String> codes = list(map(map(map(errorSchema.get("error")).get("properties")).get("code"))
                    .get("enum"));
            for (var answer : List.of(
                    given().header("Api-Key", Emulator.KEY).get(base + "/indexes/nope").then().statusCode(404),
                    given().header("Api-Key", "wrong").get(base + "/indexes").then().statusCode(401))) {
                Map<String, Object> error = answer.contentType(ContentType.JSON).extract().jsonPath().getMap("");
                assertSubset(error.keySet(), errorSchema.keySet(), "ErrorResponse");
                assertTrue(codes.contains(map(error.get("error")).get("code")), "code " + error.get("error"));
            }
        }
    }

    private static void assertType(Map<String, Object> schema, Object value, String field) {
        String type = (String) schema.get("type");
        switch (type) {
            case "string" -> {
                assertTrue(value instanceof String, field + " is a string");
                if ("date-time".equals(schema.get("format"))) {
                    OffsetDateTime.parse((String) value);
                }
            }
            case "integer" -> assertTrue(value instanceof Integer || value instanceof Long, field + " is an integer");
            case "number" -> assertTrue(value instanceof Number, field + " is a number");
            case "array" -> assertTrue(value instanceof List, field + " is an array");
            default -> { }
        }
        if (schema.get("minimum") != null) {
            assertTrue(((Number) value).doubleValue() >= ((Number) schema.get("minimum")).doubleValue(),
                    field + " >= minimum");
            assertTrue(((Number) value).doubleValue() <= ((Number) schema.get("maximum")).doubleValue(),
                    field + " <= maximum");
        }
    }

    private static void assertSubset(Set<String> actual, Set<String> allowed, String schema) {
        Set<String> extra = new HashSet<>(actual);
        extra.removeAll(allowed);
        assertTrue(extra.isEmpty(), schema + " has fields the spec does not: " + extra);
    }

    static Map<String, Object> spec(String file) {
        Path path = DIR.resolve(file);
        if (!Files.isRegularFile(path)) {
            System.out.println("ContractTest SKIPPED: no " + path.toAbsolutePath() + " (set -Dpinecone.api.dir)");
        }
        assumeTrue(Files.isRegularFile(path), "Pinecone API description not found at " + path.toAbsolutePath());
        try (InputStream in = Files.newInputStream(path)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> properties(Map<String, Object> spec, String schema) {
        return map(map(map(map(spec.get("components")).get("schemas")).get(schema)).get("properties"));
    }

    static Map<String, Object> operation(Map<String, Object> spec, String path, String method) {
        return map(map(map(spec.get("paths")).get(path)).get(method));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object o) {
        return (List<T>) o;
    }
}
