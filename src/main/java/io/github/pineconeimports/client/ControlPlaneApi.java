package io.github.pineconeimports.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;

/**
 * Pinecone's control plane ({@code PINECONE_CONTROLLER_HOST}): the indexes of a project and their hosts. Bodies
 * come back as bytes, parsed by {@link ControlPlane}, for the same reason as {@link PineconeApi}'s.
 */
@Path("/indexes")
@Produces(MediaType.APPLICATION_JSON)
public interface ControlPlaneApi {

    @GET
    Uni<byte[]> listIndexes();

    @GET
    @Path("/{name}")
    Uni<byte[]> describeIndex(@PathParam("name") String name);
}
