package org.rcrp.handover.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Refuses the NUL character in any JSON string: PostgreSQL cannot store it, so a body carrying one
 * would otherwise fail deep inside a transaction instead of being named as the caller's error.
 */
public final class NoNulStrings {

    static final String MESSAGE = "must not contain the NUL character";

    private NoNulStrings() {
    }

    public static SimpleModule module() {
        return new SimpleModule("rcrp-no-nul-strings").addDeserializer(String.class, new Deserializer());
    }

    static final class NulCharacterException extends JsonMappingException {
        NulCharacterException(JsonParser parser) {
            super(parser, MESSAGE);
        }
    }

    private static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new NulCharacterException(parser);
            }
            return value;
        }
    }
}
