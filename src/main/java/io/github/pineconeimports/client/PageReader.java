package io.github.pineconeimports.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads a page of {@code GET /bulk/imports} in one streaming pass over its UTF-8 bytes: for each import, where
 * its JSON lies and the few fields a filter needs (see {@link ImportEntry}); {@code pagination.next}; anything else
 * skipped.
 */
public final class PageReader {

    private final ObjectMapper json;
    private final ObjectReader models;

    public PageReader(ObjectMapper json) {
        this.json = json;
        this.models = json.readerFor(ImportModel.class);
    }

    public ListImportsResponse read(byte[] body) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "a page is a JSON object");
            }
            List<ImportEntry> data = null;
            String next = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(field) && value == JsonToken.START_ARRAY) {
                    data = new ArrayList<>();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        data.add(entry(parser, body));
                    }
                    if (parser.currentToken() != JsonToken.END_ARRAY) {
                        throw new JsonParseException(parser, "data holds something that is not an import");
                    }
                } else if ("pagination".equals(field) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        if (parser.nextToken() == JsonToken.VALUE_STRING && "next".equals(name)) {
                            next = parser.getText();
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new JsonParseException(parser, "the page does not end");
            }
            return new ListImportsResponse(data, next == null || next.isBlank() ? null : new Pagination(next));
        }
    }

    private ImportEntry entry(JsonParser parser, byte[] body) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        String status = null;
        String createdAt = null;
        String finishedAt = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                switch (field) {
                    case "status" -> status = parser.getValueAsString();
                    case "createdAt", "created_at", "started_at" -> createdAt = parser.getValueAsString();
                    case "finishedAt", "finished_at" -> finishedAt = parser.getValueAsString();
                    default -> { }
                }
            } else {
                parser.skipChildren();
            }
        }
        int end = (int) parser.currentLocation().getByteOffset();
        return new ImportEntry(body, start, end - start, status, createdAt, finishedAt, models);
    }
}
