package io.github.pineconeimports.function.lambda;

import java.io.IOException;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.function.ListImportsFunction;
import io.github.pineconeimports.function.ListImportsInput;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The Lambda envelopes, adapted where Funqy reads {@link ListImportsInput} for {@link ListImportsFunction}: an event
 * is our fields (direct invocation, Step Functions, an EventBridge rule's constant Input), or an HTTP request through
 * a Function URL ({@link FunctionUrlEvent}). An EventBridge envelope (a rule without constant Input) is refused with
 * the fix. Only the Lambda build compiles this package, so no other binding reads events this way.
 */
@Singleton
public class LambdaEvents implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("lambda-events").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                    JsonDeserializer<?> deserializer) {
                return bean.getBeanClass() == ListImportsInput.class ? new EventReader(deserializer) : deserializer;
            }
        }));
    }

    /** Reads the event as a tree, then as a Function URL request, a refused envelope, or the input bean itself. */
    static final class EventReader extends DelegatingDeserializer {

        EventReader(JsonDeserializer<?> bean) {
            super(bean);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> bean) {
            return new EventReader(bean);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode event = context.readTree(parser);
            if (event.has("requestContext") && event.has("rawPath")) {
                return FunctionUrlEvent.fields(context.readTreeAsValue(event,
                        context.getTypeFactory().constructMapType(Map.class, String.class, Object.class)));
            }
            if (event.has("detail-type")) {
                throw new InvalidQueryException("detail-type", null, String.join(", ", ListImportsInput.FIELDS),
                        "this is an EventBridge event envelope; give the rule a constant Input such as {\"status\": "
                                + "[\"Failed\"]}");
            }
            try (JsonParser fields = event.traverse(parser.getCodec())) {
                fields.nextToken();
                return _delegatee.deserialize(fields, context);
            }
        }
    }
}
