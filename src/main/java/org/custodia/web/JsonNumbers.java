package org.custodia.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Numbers in request bodies are finite and within ±2^53, the range every database column, the
 * ledger's canonical JSON (RFC 8785) and a browser read exactly: {@code NaN}, {@code 1e400} or a
 * 30-digit integer is refused as bad input (400) instead of failing deep inside as a 500.
 */
@Configuration(proxyBeanMethods = false)
class JsonNumbers {

	static final double LIMIT = 9_007_199_254_740_991d;

	@Bean
	JacksonModule boundedNumbers() {
		SimpleModule module = new SimpleModule("custodia-bounded-numbers");
		module.addDeserializer(Double.class, new Bounded<>(Double.class, BigDecimal::doubleValue, null));
		module.addDeserializer(Double.TYPE, new Bounded<>(Double.TYPE, BigDecimal::doubleValue, 0d));
		module.addDeserializer(Float.class, new Bounded<>(Float.class, BigDecimal::floatValue, null));
		module.addDeserializer(Float.TYPE, new Bounded<>(Float.TYPE, BigDecimal::floatValue, 0f));
		module.addDeserializer(Integer.class, new Bounded<>(Integer.class, BigDecimal::intValueExact, null));
		module.addDeserializer(Integer.TYPE, new Bounded<>(Integer.TYPE, BigDecimal::intValueExact, 0));
		module.addDeserializer(Long.class, new Bounded<>(Long.class, BigDecimal::longValueExact, null));
		module.addDeserializer(Long.TYPE, new Bounded<>(Long.TYPE, BigDecimal::longValueExact, 0L));
		module.addDeserializer(BigDecimal.class, new Bounded<>(BigDecimal.class, value -> value, null));
		module.addDeserializer(BigInteger.class, new Bounded<>(BigInteger.class, BigDecimal::toBigIntegerExact, null));
		return module;
	}

	/** Reads a JSON number (or a numeric string) exactly, then refuses what is not finite or too large. */
	static final class Bounded<T> extends StdDeserializer<T> {

		private final Function<BigDecimal, Object> convert;

		private final Object whenNull;

		/** {@code whenNull}: what a JSON {@code null} becomes, zero for a primitive. */
		Bounded(Class<T> type, Function<BigDecimal, Object> convert, Object whenNull) {
			super(type);
			this.convert = convert;
			this.whenNull = whenNull;
		}

		@Override
		public Object getNullValue(DeserializationContext context) {
			return whenNull;
		}

		@Override
		@SuppressWarnings("unchecked")
		public T deserialize(JsonParser parser, DeserializationContext context) {
			JsonToken token = parser.currentToken();
			BigDecimal value;
			if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
				if (token == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(parser.getDoubleValue())) {
					return (T) context.reportInputMismatch(this, "number out of range: %s", parser.getString());
				}
				value = parser.getDecimalValue();
			}
			else if (token == JsonToken.VALUE_STRING && parser.getString().isBlank()) {
				return (T) getNullValue(context);
			}
			else if (token == JsonToken.VALUE_STRING) {
				try {
					value = new BigDecimal(parser.getString().strip());
				}
				catch (NumberFormatException ex) {
					return (T) context.reportInputMismatch(this, "not a number: %s", parser.getString());
				}
			}
			else {
				return (T) context.handleUnexpectedToken(handledType(), parser);
			}
			if (value.abs().compareTo(BigDecimal.valueOf(LIMIT)) > 0) {
				return (T) context.reportInputMismatch(this, "number out of range: %s", value.toString());
			}
			try {
				return (T) convert.apply(value);
			}
			catch (ArithmeticException ex) {
				// a fraction for a whole number, or past the range of the field's type
				return (T) context.reportInputMismatch(this, "not a whole number in range: %s", value.toPlainString());
			}
		}
	}
}
