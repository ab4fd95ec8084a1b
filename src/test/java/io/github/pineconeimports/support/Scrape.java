package io.github.pineconeimports.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of {@code /q/metrics}, in the Prometheus text format: every sample by its series, as printed. */
public final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?) (\\S+)$",
            Pattern.MULTILINE);

    private final String text;
    private final Map<String, Double> samples = new TreeMap<>();

    public Scrape(String text) {
        this.text = text;
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            samples.put(m.group(1), Double.valueOf(m.group(2)));
        }
    }

    /** The application's metrics now. */
    public static Scrape now() {
        return new Scrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The sample of {@code series}, written as it is printed ({@code name{a="x",b="y"}}); null when absent. */
    public Double value(String series) {
        return samples.get(series);
    }

    /** Every sample whose series starts with {@code prefix}. */
    public Map<String, Double> startingWith(String prefix) {
        Map<String, Double> out = new TreeMap<>();
        samples.forEach((series, value) -> {
            if (series.startsWith(prefix)) {
                out.put(series, value);
            }
        });
        return out;
    }

    public String text() {
        return text;
    }
}
