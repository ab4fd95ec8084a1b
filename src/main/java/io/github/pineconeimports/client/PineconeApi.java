package io.github.pineconeimports.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.github.pineconeimports.failure.PineconeException;
import io.smallrye.mutiny.Uni;

/**
 * Pinecone's bulk-import endpoints on an index host, built per {@link Connection} by {@link PineconeClient}.
 * The headers ({@code Api-Key}, {@code X-Pinecone-Api-Version}) are added by {@link PineconeHeaders}; non-2xx
 * answers become {@link PineconeException} through {@link PineconeErrorMapper} (registered per client by {@link
 * RestClients}).
 */
@Path("/bulk/imports")
@Produces(MediaType.APPLICATION_JSON)
public interface PineconeApi {

    /**
     * One page of imports, as the bytes Pinecone sent: the client parses them itself, straight from UTF-8, and never
     * in a response filter, which would make a busy worker pool wait on itself (see src/bench/results/results.md).
     */
    @GET
    Uni<byte[]> listImports(@QueryParam("limit") Integer limit,
            @QueryParam("paginationToken") String paginationToken);

    /** One import by id ("Describe an import"): what {@code watch} reads when that costs fewer calls than a listing. */
    @GET
    @Path("/{id}")
    Uni<byte[]> describeImport(@PathParam("id") String id);

    /** "Start import": the body names the data; the answer, the new import's id. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<byte[]> startImport(StartImportRequest request);

    /** "Cancel an import": Pinecone ignores a cancel of an import that has finished. */
    @DELETE
    @Path("/{id}")
    Uni<byte[]> cancelImport(@PathParam("id") String id);
}
