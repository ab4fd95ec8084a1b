package io.github.pineconeimports.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.pineconeimports.imports.IndexNames;
import picocli.CommandLine;

/**
 * Import ids as a user gives them: {@code 101}, or {@code alpha/101} as {@code list --index '*' -o ids} prints them
 * (the index, then the id). A blank id or one given twice is refused, never skipped.
 */
record ImportIds(String index, String id) {

    /** Pinecone's bound on an import id. */
    static final int MAX_ID = 1000;

    /** The imports {@code given} names, in {@code index} unless an id names its own. */
    static List<ImportIds> parse(List<String> given, String index, CommandLine cli) {
        List<ImportIds> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String word : given) {
            int slash = word.indexOf('/');
            boolean named = slash > 0 && IndexNames.isIndexName(word.substring(0, slash));
            if (named && index != null) {
                throw new CommandLine.ParameterException(cli, "ID: '" + Output.printable(word) + "' names an index,"
                        + " and so does --index; give one");
            }
            ImportIds id = named ? new ImportIds(word.substring(0, slash), word.substring(slash + 1))
                    : new ImportIds(index, word);
            if (id.id().isBlank() || id.id().length() > MAX_ID) {
                throw new CommandLine.ParameterException(cli, "ID: give each import's id, 1 to " + MAX_ID
                        + " characters, as list shows it");
            }
            if (!seen.add(id.index() + "/" + id.id())) {
                throw new CommandLine.ParameterException(cli, "ID: '" + Output.printable(word)
                        + "' is given more than once; give it once");
            }
            ids.add(id);
        }
        return ids;
    }

    /** As {@code list -o ids} shows it. */
    String shown() {
        return Output.printable(index == null ? id : index + "/" + id);
    }
}
