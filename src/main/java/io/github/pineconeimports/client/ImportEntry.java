package io.github.pineconeimports.client;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.ObjectReader;

import io.github.pineconeimports.failure.PineconeException;

/**
 * One import of a page as {@link PageReader} reads it: what a filter needs at once, the whole import
 * ({@link #model()}) only for the imports an answer keeps (see src/bench/results/results.md).
 */
public final class ImportEntry implements ImportFacts {

    private final byte[] page;
    private final int offset;
    private final int length;
    private final String status;
    private final String createdAtText;
    private final String finishedAtText;
    private final ObjectReader reader;

    /** The import is {@code length} bytes of {@code page} from {@code offset}: shared, never copied. */
    ImportEntry(byte[] page, int offset, int length, String status, String createdAtText, String finishedAtText,
            ObjectReader reader) {
        this.page = page;
        this.offset = offset;
        this.length = length;
        this.status = status;
        this.createdAtText = createdAtText;
        this.finishedAtText = finishedAtText;
        this.reader = reader;
    }

    @Override
    public String status() {
        return status;
    }

    @Override
    public Instant createdAt() {
        return instant("createdAt", createdAtText);
    }

    @Override
    public Instant finishedAt() {
        return instant("finishedAt", finishedAtText);
    }

    /** The whole import; Pinecone's JSON for it is bound only now. */
    public ImportModel model() {
        try {
            return reader.readValue(page, offset, length);
        } catch (IOException e) {
            throw PineconeException.anomaly("an import that cannot be read ("
                    + PineconeErrorMapper.clip(e.getMessage()) + ")");
        }
    }

    private static Instant instant(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            Instant fast = FastInstant.utc(text);
            return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw PineconeException.anomaly("an import whose " + field + " is not a timestamp ("
                    + PineconeErrorMapper.clip(text) + ")");
        }
    }
}
