package io.github.pineconeimports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.client.Connection;
import picocli.CommandLine;

/** Ids as users give them: the same import given twice is refused, however it was written. */
class ImportIdsTest {

    @CommandLine.Command(name = "describe")
    static final class Describe {
    }

    static final CommandLine CLI = new CommandLine(new Describe());

    static Connection to(String indexHost, String index) {
        return new Connection("key", "2025-01", indexHost, index, null, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void anIdInTheConfiguredIndexAndTheSameIdNamingItAreOneImport() {
        for (List<String> twice : List.of(List.of("101", "alpha/101"), List.of("101", "101"),
                List.of("alpha/101", "alpha/101"))) {
            assertThrows(CommandLine.ParameterException.class,
                    () -> ImportIds.parse(twice, null, to(null, "alpha"), CLI), twice.toString());
        }
        assertEquals(List.of(new ImportIds(null, "101"), new ImportIds("beta", "101")),
                ImportIds.parse(List.of("101", "beta/101"), null, to(null, "alpha"), CLI), "two indexes, two imports");
        // by host, an id that names an index is refused, as is one whose index part is no index name
        for (String word : List.of("alpha/101", "ALPHA/1", "/1", "a b/1")) {
            assertThrows(CommandLine.ParameterException.class, () -> ImportIds.parse(List.of(word), null,
                    to(word.startsWith("alpha") ? "https://h.pinecone.io" : null, null), CLI), word);
        }
    }
}
