package io.github.pineconeimports.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Pinecone's List imports endpoint on an index host, built per {@link Connection} by {@link PineconeClient}.
 * The headers ({@code Api-Key}, {@code X-Pinecone-Api-Version}) are added by {@link PineconeHeaders}; non-2xx
 * answers become {@link PineconeException} through {@link PineconeErrorMapper} (registered per client by {@link RestClients}).
 */
@Path("/bulk/imports")
@Produces(MediaType.APPLICATION_JSON)
public interface PineconeApi {

    /**
     * One page of imports, as the bytes Pinecone sent: {@link PineconeClient} checks its size and parses it into
     * {@link ListImportsResponse} itself, straight from UTF-8 (the profile showed decoding to text and Jackson's
     * copy of that text among the top costs of a page). A response filter could parse here, but it makes the REST
     * client finish responses on worker threads, and a busy worker pool would then wait on itself.
     */
    @GET
    byte[] listImports(@QueryParam("limit") Integer limit, @QueryParam("paginationToken") String paginationToken);

    /** One import by id ("Describe an import"): what {@code watch} reads when that costs fewer calls than a listing. */
    @GET
    @Path("/{id}")
    byte[] describeImport(@PathParam("id") String id);
}
