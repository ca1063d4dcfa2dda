package org.irfoundation.architecture;

import java.lang.reflect.Field;
import java.util.List;
import org.irfoundation.engine.Variable;

/**
 * What a delegate declares it reads and writes: every delegate class has {@code public static final
 * List<Variable<?>> INPUTS} (the input parameters it reads) and {@code OUTPUTS} (the variables it sets).
 */
public final class DelegateCatalog {

  private DelegateCatalog() {}

  public static List<String> inputs(Class<?> delegate) {
    return names(delegate, "INPUTS");
  }

  public static List<String> outputs(Class<?> delegate) {
    return names(delegate, "OUTPUTS");
  }

  private static List<String> names(Class<?> delegate, String field) {
    try {
      Field declared = delegate.getField(field);
      List<?> variables = (List<?>) declared.get(null);
      return variables.stream().map(v -> ((Variable<?>) v).name()).toList();
    } catch (NoSuchFieldException | IllegalAccessException e) {
      throw new AssertionError(delegate.getName() + " declares no public static " + field
          + " (List<Variable<?>>): every delegate says what it reads and writes", e);
    }
  }
}
