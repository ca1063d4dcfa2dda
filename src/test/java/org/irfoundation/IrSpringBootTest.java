package org.irfoundation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context most tests share (same configuration, so Spring's test context cache starts it
 * once): the whole app on a random port, an in-memory database, admin {@code admin / Test-secret-pw-1}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = IrFoundationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability // the Prometheus endpoint is part of what is tested
public @interface IrSpringBootTest {
  String ADMIN = "admin";
  String ADMIN_PASSWORD = "Test-secret-pw-1";
}
