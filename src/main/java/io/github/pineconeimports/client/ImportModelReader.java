package io.github.pineconeimports.client;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Reads an {@link ImportModel} straight from the parser's tokens, each field once (camelCase, or the snake_case one
 * documentation example shows), every other field kept in {@code extra}; unexpected tokens go to Jackson's own
 * deserializers. Faster than binding the record (see src/bench/results/results.md).
 */
@RegisterForReflection
public final class ImportModelReader extends StdDeserializer<ImportModel> {

    private static final FastInstant INSTANT = new FastInstant();

    public ImportModelReader() {
        super(ImportModel.class);
    }

    @Override
    public ImportModel deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return (ImportModel) context.handleUnexpectedToken(ImportModel.class, parser);
        }
        String id = null;
        String uri = null;
        String status = null;
        String error = null;
        Instant createdAt = null;
        Instant finishedAt = null;
        Double percentComplete = null;
        Long recordsImported = null;
        Map<String, Object> extra = new LinkedHashMap<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "id" -> id = text(parser, context, value);
                case "uri" -> uri = text(parser, context, value);
                case "status" -> status = text(parser, context, value);
                case "error" -> error = text(parser, context, value);
                case "createdAt", "created_at", "started_at" -> createdAt = value == JsonToken.VALUE_NULL ? null
                        : INSTANT.deserialize(parser, context);
                case "finishedAt", "finished_at" -> finishedAt = value == JsonToken.VALUE_NULL ? null
                        : INSTANT.deserialize(parser, context);
                case "percentComplete", "percent_complete" -> percentComplete = value.isNumeric()
                        ? parser.getDoubleValue()
                        : context.readValue(parser, Double.class);
                case "recordsImported", "records_imported" -> recordsImported = value == JsonToken.VALUE_NUMBER_INT
                        ? Long.valueOf(parser.getLongValue()) : context.readValue(parser, Long.class);
                default -> extra.put(name, context.readValue(parser, Object.class));
            }
        }
        return new ImportModel(id, uri, status, createdAt, finishedAt, percentComplete, recordsImported, error, extra);
    }

    private static String text(JsonParser parser, DeserializationContext context, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_STRING ? parser.getText() : context.readValue(parser, String.class);
    }
}
