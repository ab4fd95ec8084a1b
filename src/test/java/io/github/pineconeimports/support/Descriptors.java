package io.github.pineconeimports.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.function.ListImportsInput;
import io.github.pineconeimports.imports.ImportQuery;

/** Reads what lies under deploy/, for the tests that keep it in step with the code. */
public final class Descriptors {

    public static final Path DEPLOY = Path.of("deploy");
    public static final ObjectMapper JSON = new ObjectMapper();

    private Descriptors() {
    }

    public static Map<String, Object> yaml(String file) throws IOException {
        try (InputStream in = Files.newInputStream(DEPLOY.resolve(file))) {
            return new Yaml().load(in);
        }
    }

    public static List<Map<String, Object>> yamlAll(String file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(DEPLOY.resolve(file))) {
            new Yaml().loadAll(in).forEach(d -> docs.add(map(d)));
        }
        return docs;
    }

    /** A constant input as the function reads it: it must be a valid query. */
    public static ImportQuery validInput(String json) throws IOException {
        assertNotNull(json);
        ImportQuery query = JSON.readValue(json, ListImportsInput.class).toQuery();
        assertNotNull(query, json);
        return query;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}
