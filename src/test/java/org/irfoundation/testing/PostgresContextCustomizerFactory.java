package org.irfoundation.testing;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * With {@link TestPostgres#enabled()}: every Spring test context whose database would be an in-memory H2 (the
 * {@code test} profile) runs on a fresh database of the JVM's embedded PostgreSQL instead. Registered in
 * {@code META-INF/spring.factories}; without the system property it adds nothing, so contexts and their cache
 * keys stay as they are. Contexts that bring their own database (the {@code postgres} profile test) keep it.
 */
public class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    return TestPostgres.enabled() ? new OnPostgres() : null;
  }

  static final class OnPostgres implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
      ConfigurableEnvironment environment = context.getEnvironment();
      if (environment.acceptsProfiles(Profiles.of("postgres"))) {
        return;
      }
      String url = environment.getProperty("spring.datasource.url", "");
      if (!url.startsWith("jdbc:h2:mem:")) {
        return;
      }
      environment.getPropertySources().addFirst(new MapPropertySource("irf-test-postgres", Map.of(
          "spring.datasource.url", TestPostgres.newDatabase("context"),
          "spring.datasource.username", TestPostgres.USER,
          "spring.datasource.password", TestPostgres.PASSWORD,
          "spring.datasource.driver-class-name", TestPostgres.DRIVER)));
      TestPostgres.closeBeforeTheServer(context);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof OnPostgres;
    }

    @Override
    public int hashCode() {
      return OnPostgres.class.hashCode();
    }
  }
}
