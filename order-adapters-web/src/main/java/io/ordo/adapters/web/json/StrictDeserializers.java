package io.ordo.adapters.web.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Jackson readers for the values Jackson would read too leniently: text, dates and money. */
public final class StrictDeserializers {

    private StrictDeserializers() {}

    /** A value refused by one of these readers; its message is the field error the client is shown. */
    public static final class Refused extends InvalidFormatException {
        Refused(JsonParser parser, String message, Object value, Class<?> targetType) {
            super(parser, message, value, targetType);
        }
    }

    /** Any JSON string, refused when it cannot be stored whole ({@link StrictText#problemWith}). */
    static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null) {
                var problem = StrictText.problemWith(value);
                if (problem.isPresent()) {
                    throw new Refused(parser, problem.get(), value, String.class);
                }
            }
            return value;
        }
    }

    /** A date written {@code YYYY-MM-DD}; an empty string or a year of more than four digits is refused. */
    public static final class Date extends StdScalarDeserializer<LocalDate> {
        public Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            return StrictText.date(text)
                    .orElseThrow(() -> new Refused(parser, "must be a date like 2026-12-31", text, LocalDate.class));
        }
    }

    /**
     * Money: a JSON string or number written as plain decimal digits ({@code "100.00"}, {@code 2.5}), read exactly.
     * Spaces, a plus sign and exponents ({@code " 1.00"}, {@code "+1.00"}, {@code 1e2}) are refused; how many
     * decimals a currency allows is the domain's rule.
     */
    public static final class Money extends StdScalarDeserializer<BigDecimal> {
        public Money() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_STRING
                    && token != JsonToken.VALUE_NUMBER_INT
                    && token != JsonToken.VALUE_NUMBER_FLOAT) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            String text = parser.getText();
            if (!StrictText.isDecimal(text)) {
                throw new Refused(parser, "must be a decimal like \"100.00\"", text, BigDecimal.class);
            }
            return new BigDecimal(text);
        }
    }
}
