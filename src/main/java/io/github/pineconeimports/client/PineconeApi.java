package io.github.pineconeimports.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Pinecone's bulk-import read endpoints on an index host. The headers ({@code Api-Key},
 * {@code X-Pinecone-Api-Version}) are added by {@link PineconeHeaders}; non-2xx answers become
 * {@link PineconeException} through {@link PineconeErrorMapper}.
 */
@Path("/bulk/imports")
@RegisterRestClient(configKey = "pinecone")
@RegisterProvider(PineconeErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface PineconeApi {

    /**
     * One page of imports, as the JSON text Pinecone sent: {@link PineconeClient} checks its size and parses it
     * into {@link ListImportsResponse} itself. (A response filter could do that here, but it makes the REST
     * client finish responses on worker threads, and a busy worker pool would then wait on itself.)
     */
    @GET
    String listImports(@QueryParam("limit") Integer limit, @QueryParam("paginationToken") String paginationToken);

    @GET
    @Path("/{id}")
    ImportModel describeImport(@PathParam("id") String id);
}
