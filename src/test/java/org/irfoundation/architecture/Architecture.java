package org.irfoundation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;

/**
 * The package map of {@code docs/architecture.md} as rules, for the packages below {@code root} (the app's own, or a
 * fixture that breaks them on purpose). Bottom to top:
 *
 * <pre>
 *   engine, api, connector          support: no capability below them
 *   incident                        the core: may use engine only
 *   templates                       communication templates over the incident's data
 *   ticket chat mail evidence security   capabilities: never one another
 *   response                        the playbooks: call the capabilities' processes and delegates
 *   intake                          the front door: may use everything below
 *   (root)                          the application class
 * </pre>
 */
final class Architecture {

  static final List<String> CAPABILITIES = List.of("ticket", "chat", "mail", "evidence", "security");

  private Architecture() {}

  static LayeredArchitecture layers(String root) {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("engine").definedBy(root + ".engine..")
        .layer("api").definedBy(root + ".api..")
        .layer("connector").definedBy(root + ".connector..")
        .layer("incident").definedBy(root + ".incident..")
        .layer("templates").definedBy(root + ".templates..");
    for (String capability : CAPABILITIES) {
      layers = layers.layer(capability).definedBy(root + "." + capability + "..");
    }
    layers = layers.layer("response").definedBy(root + ".response..")
        .layer("rollout").definedBy(root + ".rollout..")
        .layer("reporting").definedBy(root + ".reporting..")
        .layer("intake").definedBy(root + ".intake..")
        .layer("exercise").definedBy(root + ".exercise..")
        .layer("application").definedBy(root)
        .whereLayer("engine").mayNotAccessAnyLayer()
        .whereLayer("api").mayNotAccessAnyLayer()
        .whereLayer("connector").mayOnlyAccessLayers("engine")
        .whereLayer("incident").mayOnlyAccessLayers("engine")
        .whereLayer("templates").mayOnlyAccessLayers("engine", "incident");
    for (String capability : CAPABILITIES) {
      layers = layers.whereLayer(capability).mayOnlyAccessLayers("engine", "api", "connector", "incident", "templates");
    }
    List<String> belowResponse = new java.util.ArrayList<>(List.of("engine", "api", "connector", "incident",
        "templates"));
    belowResponse.addAll(CAPABILITIES);
    layers = layers.whereLayer("response").mayOnlyAccessLayers(belowResponse.toArray(String[]::new));
    // the rollout builds on the playbooks (their keys and versions) and on every capability; nothing builds on it
    List<String> belowRollout = new java.util.ArrayList<>(belowResponse);
    belowRollout.add("response");
    layers = layers.whereLayer("rollout").mayOnlyAccessLayers(belowRollout.toArray(String[]::new))
        .whereLayer("rollout").mayOnlyBeAccessedByLayers("exercise")
        // reports read what the playbooks recorded; the exercise adds its scoring to them
        .whereLayer("reporting").mayOnlyAccessLayers(belowRollout.toArray(String[]::new))
        .whereLayer("reporting").mayOnlyBeAccessedByLayers("exercise")
        // an exercise reports its incident through the front door and may be the rollout's simulation
        .whereLayer("exercise").mayNotBeAccessedByAnyLayer();
    return layers.whereLayer("intake").mayOnlyBeAccessedByLayers("exercise")
        .whereLayer("application").mayNotBeAccessedByAnyLayer()
        .withOptionalLayers(true);
  }

  static ArchRule noCycles(String root) {
    return slices().matching(root + ".(*)..").namingSlices("package $1").should().beFreeOfCycles()
        .allowEmptyShould(true);
  }

  /** Engine internals stay in the engine adapter, so a change of engine distribution stays a change there. */
  static ArchRule engineInternalsOnlyInTheEngineAdapter(String root) {
    return noClasses().that().resideOutsideOfPackage(root + ".engine..")
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine.impl..",
            "org.camunda.bpm.spring.boot.starter..impl..")
        .because("only " + root + ".engine may use Camunda's internal (impl) packages")
        .allowEmptyShould(true);
  }

  /** The incident tables are written by the intake and read by everyone else through the Incidents port. */
  static ArchRule incidentTablesOnlyForIntakeAndCore(String root) {
    return noClasses().that().resideOutsideOfPackages(root + ".incident..", root + ".intake..")
        .should().dependOnClassesThat().haveFullyQualifiedName(root + ".incident.IncidentStore")
        .because("capabilities read incidents through the Incidents port, never the tables")
        .allowEmptyShould(true);
  }
}
