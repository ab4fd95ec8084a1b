package io.github.pineconeimports.function;

import jakarta.inject.Inject;

import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportPage;
import io.quarkus.funqy.Funq;

/**
 * {@code listImports}: Pinecone's bulk imports, filtered by status, one page or all of them. The one function of
 * every binding (HTTP, Lambda, Knative); errors are exceptions that each binding turns into its own non-2xx answer.
 * Lambda's envelopes become this input in {@code function/lambda/LambdaEvents}. CloudEvents have a function of their
 * own, {@code listImportsEvent} (function/knative), for what only an event carries: its time and its reply type.
 */
public class ListImportsFunction {

    @Inject
    ImportLister lister;

    @Funq("listImports")
    public ImportPage listImports(ListImportsInput input) {
        return lister.list((input == null ? new ListImportsInput() : input).toQuery());
    }
}
