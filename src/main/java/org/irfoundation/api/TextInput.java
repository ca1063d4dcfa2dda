package org.irfoundation.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Text the APIs take is text: no NUL or other control characters (tab and line breaks aside) and no lone UTF-16
 * surrogates. PostgreSQL refuses NUL in text columns (a 500 on one database, stored on the other) and a lone surrogate
 * cannot be written as UTF-8 (stored as '?'). Every string of a JSON body is checked (a Jackson module: Spring Boot
 * installs it in its ObjectMapper); form fields call {@link #problem(String)}.
 */
@Component
public class TextInput extends SimpleModule {

  public TextInput() {
    super("irf-text-input");
    addDeserializer(String.class, new CheckedString());
  }

  /** What is wrong with {@code value} as text, or null. */
  public static String problem(String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
        return String.format("contains a control character (U+%04X)", (int) c);
      }
      if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
          || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
        return "contains a lone surrogate (not a Unicode character)";
      }
    }
    return null;
  }

  static final class CheckedString extends StdScalarDeserializer<String> {

    CheckedString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      String problem = problem(value);
      if (problem != null) {
        throw JsonMappingException.from(parser, problem);
      }
      return value;
    }
  }
}
