package io.github.pineconeimports.function;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every binding (HTTP, Lambda, Knative) reads its input with a copy of this application's mapper: content after
 * the JSON value ({@code {"status": "Failed"} {"status": "Completed"}}) and a key given twice are refused, not
 * silently dropped or overwritten.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // the Lambda and Knative bindings read an event into a tree first, where a repeated key would keep its last
        // value
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }
}
