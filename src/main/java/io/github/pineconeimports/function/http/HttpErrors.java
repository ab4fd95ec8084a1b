package io.github.pineconeimports.function.http;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.function.ListImportsInput;
import io.github.pineconeimports.imports.QueryText;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP binding's edges, which Funqy leaves bare: it ignores unknown query parameters and answers bad
 * input and failures with an empty 400 or 500. Here every failure of {@code /listImports} gets a JSON
 * {@link ErrorBody} and the right status, and an unknown query parameter is a 400 rather than a filter
 * silently not applied. The same goes for CloudEvents posted to {@code /} on the Knative build.
 */
@ApplicationScoped
public class HttpErrors {

    static final String PATH = "/listImports";
    /**
     * Room for every field at its longest (a token is at most 4096); quarkus.http.limits.max-initial-line-length is
     * twice this. */
    static final int MAX_URI = 8192;
    private static final Set<String> FIELDS = Set.copyOf(QueryText.FIELDS);
    // in this order: the query string is only read once it is known to be readable
    private static final List<Function<RoutingContext, ErrorAnswer>> CHECKS = List.of(HttpErrors::tooLong,
            HttpErrors::notUrlEncoded, HttpErrors::bodyOnGet, HttpErrors::queryOnPost, HttpErrors::unknownParameter);

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.route(PATH).order(-10).handler(this::checkRequest);
        router.route(PATH).order(-10).failureHandler(this::answer);
        // the Knative binding takes CloudEvents at the root
        router.route("/").order(-10).failureHandler(this::answer);
        // a path the router does not know, or a method or media type it refuses: the same JSON shape, not an HTML page
        for (int status : new int[] { 404, 405, 413, 415 }) {
            router.errorHandler(status, rc -> send(rc, new ErrorAnswer(status,
                    ErrorBody.of("http_" + status, HttpResponseStatus.valueOf(status).reasonPhrase()))));
        }
    }

    /** What Funqy would get wrong is refused before it reads the request: the first check that objects answers. */
    private void checkRequest(RoutingContext rc) {
        ErrorAnswer refused = CHECKS.stream().map(check -> check.apply(rc)).filter(Objects::nonNull).findFirst()
                .orElse(null);
        if (refused != null) {
            send(rc, refused);
        } else if (rc.request().method() == HttpMethod.POST && hasNoBody(rc)) {
            // no fields at all, the same as a GET without parameters (the Knative binding fails on an empty body)
            rc.reroute(HttpMethod.GET, PATH);
        } else {
            rc.next();
        }
    }

    /** Refused here, with our body, well below the server's own limit (whose 414 would have none). */
    private static ErrorAnswer tooLong(RoutingContext rc) {
        return rc.request().uri().length() <= MAX_URI ? null : new ErrorAnswer(414, ErrorBody.of("uri_too_long",
                "the request URI is longer than " + MAX_URI + " characters; send the fields as a JSON body with POST"));
    }

    private static ErrorAnswer notUrlEncoded(RoutingContext rc) {
        try {
            rc.queryParams();
            return null;
        } catch (RuntimeException notUrlEncoded) {
            return ErrorAnswer.of(new InvalidQueryException("query", null, "a URL-encoded query string",
                    "the query string is not URL-encoded (a % must begin an escape such as %2B)"));
        }
    }

    /** A GET reads its query string only: a filter in its body must not be silently dropped. */
    private static ErrorAnswer bodyOnGet(RoutingContext rc) {
        return rc.request().method() != HttpMethod.GET || hasNoBody(rc) ? null
                : ErrorAnswer.of(new InvalidQueryException("body", null,
                        "query parameters on GET, or a JSON body on POST",
                        "a GET reads its fields from its query string, not its body; use POST for a JSON body"));
    }

    /** A POST reads its body only: a filter in its URL must not be silently dropped. */
    private static ErrorAnswer queryOnPost(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.POST || rc.queryParams().isEmpty()) {
            return null;
        }
        String name = rc.queryParams().names().iterator().next();
        return ErrorAnswer.of(new InvalidQueryException(name, null, "a JSON body with " + String.join(", ",
                QueryText.FIELDS), "a POST reads its fields from its JSON body, not its URL; move '"
                        + InvalidQueryException.clip(name) + "' into the body, or use GET"));
    }

    /** Funqy ignores a query parameter it does not know: a typo must not silently widen the listing. */
    private static ErrorAnswer unknownParameter(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.GET) {
            return null;
        }
        return rc.queryParams().names().stream().filter(name -> !FIELDS.contains(name)).findFirst()
                .map(name -> ErrorAnswer.of(new InvalidQueryException(name, null, String.join(", ", QueryText.FIELDS),
                        "unknown query parameter '" + InvalidQueryException.clip(name) + "'")))
                .orElse(null);
    }

    private static boolean hasNoBody(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        return "0".equals(length) || (length == null && rc.request().getHeader("Transfer-Encoding") == null);
    }

    private void answer(RoutingContext rc) {
        InvalidQueryException unreadable = rc.failure() == null ? null : ListImportsInput.unreadableInput(rc.failure());
        if (unreadable != null) {
            send(rc, ErrorAnswer.of(unreadable));
        } else if (rc.failure() != null) {
            send(rc, ErrorAnswer.of(rc.failure()));
        } else if (rc.statusCode() == 400) {
            send(rc, ErrorAnswer.of(describeBadBody(rc)));
        } else if (rc.statusCode() == 405) {
            send(rc, new ErrorAnswer(405, ErrorBody.of("method_not_allowed",
                    "use GET with query parameters or POST with a JSON body")));
        } else if (rc.statusCode() >= 400) {
            // anything else the server itself refuses (413: a body over the limit) gets the same JSON shape
            HttpResponseStatus status = HttpResponseStatus.valueOf(rc.statusCode());
            send(rc, new ErrorAnswer(rc.statusCode(), ErrorBody.of("http_" + rc.statusCode(), status.reasonPhrase())));
        } else {
            rc.next();
        }
    }

    /** Funqy could not map the input and says only 400; reading it again here (on the error path only) says why. */
    private InvalidQueryException describeBadBody(RoutingContext rc) {
        String body = rc.body() == null ? null : rc.body().asString();
        try {
            mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body,
                    ListImportsInput.class);
        } catch (JsonProcessingException e) {
            return ListImportsInput.unreadable(e);
        } catch (RuntimeException e) {
            // the generic answer below
        }
        return ListImportsInput.unreadable(null);
    }

    private void send(RoutingContext rc, ErrorAnswer answer) {
        if (rc.response().ended()) {
            return;
        }
        try {
            rc.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
                    .end(mapper.writeValueAsString(answer.body()));
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(500).end();
        }
    }
}
