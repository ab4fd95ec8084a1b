package io.github.pineconeimports.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Follows {@code pagination.next} from page to page, as any caller of a paged endpoint does. */
public final class Walk {

    private Walk() {
    }

    /**
     * Every page of {@code GET path}: each request comes from {@code request} with the previous page's
     * {@code pagination.next} as {@code paginationToken}. Fails the test if the walk does not end within
     * {@code maxPages}.
     */
    public static List<JsonPath> pages(Supplier<RequestSpecification> request, String path, int maxPages) {
        List<JsonPath> pages = new ArrayList<>();
        String token = null;
        do {
            RequestSpecification next = request.get();
            if (token != null) {
                next.queryParam("paginationToken", token);
            }
            JsonPath page = next.get(path).then().statusCode(200).extract().jsonPath();
            pages.add(page);
            token = page.getString("pagination.next");
            assertTrue(pages.size() <= maxPages, "the walk ends within " + maxPages + " pages");
        } while (token != null);
        return pages;
    }

    /** The {@code data.<field>} of every page, in order. */
    public static <T> List<T> collect(List<JsonPath> pages, String field) {
        List<T> all = new ArrayList<>();
        pages.forEach(page -> all.addAll(page.getList("data" + (field.isEmpty() ? "" : "." + field))));
        return all;
    }
}
