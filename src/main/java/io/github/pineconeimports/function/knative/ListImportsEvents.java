package io.github.pineconeimports.function.knative;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;

import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.function.ListImportsInput;
import io.github.pineconeimports.imports.ImportLister;
import io.github.pineconeimports.imports.ImportPage;
import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.funqy.knative.events.CloudEventBuilder;

/**
 * {@code listImports} for Knative Eventing, the function every CloudEvent at {@code /} reaches (the Knative build
 * exports it; plain HTTP calls still go to {@code /listImports}). Two things only an event can carry:
 * <ul>
 * <li>{@code asOf} defaults to the event's {@code time}: a PingSource stamps the time it fired, so a window
 * ends where the schedule says, however late the event arrives;</li>
 * <li>the reply's type says whether there is anything to report: {@value #FOUND} when the answer holds at least
 * one import, {@value #NOTHING} otherwise, and {@value #COUNTS} for a {@code counts=true} answer (a waiter's poll),
 * so a Trigger on {@value #FOUND} fires only when there is news.</li>
 * </ul>
 */
public class ListImportsEvents {

    public static final String FOUND = "listImports.output";
    public static final String NOTHING = "listImports.empty";
    /** A {@code counts=true} answer, whatever it counts: a waiter's poll is never an alert. */
    public static final String COUNTS = "listImports.counts";
    public static final String SOURCE = "listImports";

    @Inject
    ImportLister lister;

    @Funq("listImportsEvent")
    public CloudEvent<ImportPage> listImportsEvent(CloudEvent<ListImportsInput> event) {
        ImportPage page = lister.list(input(event).toQuery(time(event)));
        return CloudEventBuilder.create().type(page.matched() != null ? COUNTS : page.found() ? FOUND : NOTHING)
                .source(SOURCE).build(page);
    }

    private static ListImportsInput input(CloudEvent<ListImportsInput> event) {
        try {
            ListImportsInput data = event.data();
            return data == null ? new ListImportsInput() : data;
        } catch (UncheckedIOException e) {
            if (String.valueOf(e.getCause().getMessage()).startsWith("No content")) {
                return new ListImportsInput(); // an event without data: list with the defaults
            }
            throw ListImportsInput.unreadable(e.getCause());
        } catch (IllegalArgumentException noData) {
            return new ListImportsInput();
        }
    }

    private static Instant time(CloudEvent<?> event) {
        try {
            OffsetDateTime time = event.time();
            return time == null ? null : time.toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("time", e.getParsedString(), "an RFC 3339 timestamp",
                    "the event's time is not a timestamp");
        }
    }
}
