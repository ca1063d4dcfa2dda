package org.irfoundation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** IR Foundation: incident-response rollout and playbooks on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IrFoundationApplication {

  public static void main(String[] args) {
    SpringApplication.run(IrFoundationApplication.class, args);
  }
}
