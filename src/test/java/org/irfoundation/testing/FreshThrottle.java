package org.irfoundation.testing;

import org.irfoundation.security.SourceThrottle;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Every test class starts with no failed sign-ins on record. The shared context lives through the whole suite and
 * its callers all come from loopback, so without this the wrong passwords of earlier classes would hold back a
 * later class's logins (429), depending on the order the classes ran in.
 */
public class FreshThrottle extends AbstractTestExecutionListener {

  @Override
  public void beforeTestClass(TestContext testContext) {
    testContext.getApplicationContext().getBeanProvider(SourceThrottle.class).ifAvailable(SourceThrottle::forgetAll);
  }

  @Override
  public int getOrder() {
    return 2600;
  }
}
