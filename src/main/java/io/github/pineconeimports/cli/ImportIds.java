package io.github.pineconeimports.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.pineconeimports.client.Connection;
import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.imports.IndexNames;
import picocli.CommandLine;

/**
 * Import ids as a user gives them: {@code 101}, or {@code alpha/101} as {@code list --index '*' -o ids} prints them
 * (the index, then the id). A blank id or one given twice is refused, never skipped.
 */
record ImportIds(String index, String id) {

    /** Pinecone's bound on an import id. */
    static final int MAX_ID = 1000;

    /**
     * The imports {@code given} names, in {@code index} unless an id names its own. An id without an index is in the
     * one {@code target} names (PINECONE_INDEX), where {@code 101} and {@code alpha/101} are one import, given twice.
     */
    static List<ImportIds> parse(List<String> given, String index, Connection target, CommandLine cli) {
        if (index != null && !IndexNames.isIndexName(index)) {
            throw new CommandLine.ParameterException(cli, "--index: '" + Output.printable(InvalidQueryException.clip(
                    index)) + "' is not one index's name: ids are in one index; give its name, or each id as INDEX/ID");
        }
        String home = index != null ? index : target.indexHost() == null ? target.index() : null;
        if (home != null && index == null && !IndexNames.isIndexName(home)) {
            throw new CommandLine.ParameterException(cli, "PINECONE_INDEX: '" + Output.printable(
                    InvalidQueryException.clip(home)) + "' is not one index's name: ids are in one index; give"
                    + " --index NAME, or each id as INDEX/ID");
        }
        List<ImportIds> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String word : given) {
            int slash = word.indexOf('/');
            boolean named = slash >= 0;
            String shown = Output.printable(InvalidQueryException.clip(word));
            if (named && !IndexNames.isIndexName(word.substring(0, slash))) {
                throw new CommandLine.ParameterException(cli, "ID: '" + shown + "' is not INDEX/ID: the part before"
                        + " '/' is not an index name (1-45 of a-z, 0-9 and '-')");
            }
            if (named && (index != null || target.indexHost() != null)) {
                throw new CommandLine.ParameterException(cli, "ID: '" + shown + "' names an index, and so does "
                        + (index != null ? "--index; give one" : "PINECONE_INDEX_HOST (or --host); give --host '' to"
                        + " reach indexes by name"));
            }
            ImportIds id = named ? new ImportIds(word.substring(0, slash), word.substring(slash + 1))
                    : new ImportIds(index, word);
            if (id.id().isBlank() || id.id().length() > MAX_ID) {
                throw new CommandLine.ParameterException(cli, "ID: '" + shown + "' " + (id.id().isBlank()
                        ? "has no id" : "is too long") + ": give each import's id, 1 to " + MAX_ID + " characters");
            }
            if (!seen.add((id.index() == null ? home : id.index()) + "/" + id.id())) {
                throw new CommandLine.ParameterException(cli, "ID: '" + shown + "' is given more than once; give it"
                        + " once");
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
