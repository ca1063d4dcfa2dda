package org.irfoundation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.irfoundation.testing.ContextEngine;
import org.irfoundation.testing.FreshThrottle;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The one Spring context most tests share (same configuration, so Spring's test context cache starts it
 * once): the whole app on a random port, an in-memory database, admin {@code admin / Test-secret-pw-1}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = IrFoundationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability // the Prometheus endpoint is part of what is tested
// the REST API and webapps find this context's engine even after another context's ran (no new context: listeners
// are not part of the context's cache key)
@TestExecutionListeners(listeners = {ContextEngine.class, FreshThrottle.class}, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface IrSpringBootTest {
  String ADMIN = "admin";
  String ADMIN_PASSWORD = "Test-secret-pw-1";
}
