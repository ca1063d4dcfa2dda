package org.irfoundation.testing;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.CaseService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.irfoundation.engine.Raci;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The in-memory engine of one process test class (STYLE.md 11, 12), registered as a static
 * {@code @RegisterExtension} field:
 * <pre>
 * &#64;RegisterExtension
 * static ProcessTestEngine engine = ProcessTestEngine.withCoverage(0.95);
 * final Recorder notifyGroups = engine.record("notifyGroups");
 * </pre>
 * The engine is built from a shared test configuration with a name and H2 database of the test class's own (a
 * PostgreSQL database with {@link TestPostgres#enabled()}), so it never meets another class's deployments; it is
 * closed after the class. {@code @Deployment} works as with
 * {@link ProcessEngineExtension}. Before each test camunda-bpm-assert is bound to the engine and the {@code raci}
 * bean is the real {@link Raci} over the deployed table; after each test the engine clock and the {@link Mocks}
 * registrations are reset. Recorders registered from field initialisers therefore need per-method test instances
 * (JUnit's default).
 */
public final class ProcessTestEngine implements BeforeAllCallback, TestInstancePostProcessor, BeforeEachCallback,
    BeforeTestExecutionCallback, AfterTestExecutionCallback, AfterEachCallback, AfterAllCallback,
    ProcessEngineServices {

  /** Spin, the RACI plugin and the app's engine settings. */
  public static final String TEST_CONFIGURATION = "irf-test-engine.cfg.xml";
  /** The app's failed-job handling (Retry-After), for connector faults. */
  public static final String CONNECTOR_CONFIGURATION = "irf-connector-test-engine.cfg.xml";

  /** Business key (incident id) of the playbook tests. */
  public static final String INCIDENT = "INC-2026-0007";

  private final String configurationResource;
  /** Null: no coverage listeners, no report. */
  private final Double classCoverageAtLeast;
  private ProcessEngineExtension delegate;

  private ProcessTestEngine(String configurationResource, Double classCoverageAtLeast) {
    this.configurationResource = configurationResource;
    this.classCoverageAtLeast = classCoverageAtLeast;
  }

  /**
   * With the process-test-coverage listeners: the class's report goes to {@code target/process-test-coverage/}
   * (merged by the build's ProcessCoverageSummary), and the class fails below the given ratio.
   */
  public static ProcessTestEngine withCoverage(double classCoverageAtLeast) {
    return new ProcessTestEngine(TEST_CONFIGURATION, classCoverageAtLeast);
  }

  public static ProcessTestEngine withoutCoverage() {
    return withoutCoverage(TEST_CONFIGURATION);
  }

  public static ProcessTestEngine withoutCoverage(String configurationResource) {
    return new ProcessTestEngine(configurationResource, null);
  }

  // ---------------------------------------------------------------- JUnit callbacks

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start(context);
    if (delegate instanceof BeforeAllCallback coverage) {
      coverage.beforeAll(context);
    }
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    start(context); // a per-class test instance comes before beforeAll
    delegate.postProcessTestInstance(testInstance, context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    BpmnAwareTests.init(processEngine());
    // as in the app: models name the table as ${raci.accountable('...')}; a @BeforeEach may replace it
    register("raci", new Raci(getDecisionService()));
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    delegate.beforeTestExecution(context);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    delegate.afterTestExecution(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (delegate == null) {
      return; // the engine never started
    }
    ProcessEngine engine = processEngine();
    try {
      delegate.afterAll(context); // the coverage report and the class coverage check
    } finally {
      BpmnAwareTests.reset();
      engine.close();
      delegate = null; // a second run of the class starts afresh
    }
  }

  private void start(ExtensionContext context) {
    if (delegate != null) {
      return;
    }
    String name = "irf-" + context.getRequiredTestClass().getSimpleName();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createProcessEngineConfigurationFromResource(configurationResource);
    configuration.setProcessEngineName(name);
    if (TestPostgres.enabled()) {
      configuration.setJdbcUrl(TestPostgres.newDatabase(context.getRequiredTestClass().getSimpleName()));
      configuration.setJdbcDriver(TestPostgres.DRIVER);
      configuration.setJdbcUsername(TestPostgres.USER);
      configuration.setJdbcPassword(TestPostgres.PASSWORD);
    } else {
      configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    }
    if (classCoverageAtLeast == null) {
      delegate = ProcessEngineExtension.builder().useProcessEngine(configuration.buildProcessEngine()).build();
    } else {
      ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
      delegate = ProcessEngineCoverageExtension.builder(configuration)
          .assertClassCoverageAtLeast(classCoverageAtLeast).build();
    }
  }

  // ---------------------------------------------------------------- stand-ins

  /** A recording stand-in for the delegate bean of that name, for the current test. */
  public Recorder record(String beanName) {
    return record(beanName, execution -> { });
  }

  /** A recording stand-in that also does what the real delegate leaves behind, e.g. sets its output variable. */
  public Recorder record(String beanName, Consumer<DelegateExecution> effect) {
    return register(beanName, new Recorder(effect));
  }

  /** A bean the models name ({@code ${name}}), for the current test. */
  public <T> T register(String beanName, T bean) {
    Mocks.register(beanName, bean);
    return bean;
  }

  // ---------------------------------------------------------------- helpers

  /** Executes the due async continuations (service tasks) of the instance until none is left; never timers. */
  public int runAsyncJobs(ProcessInstance pi) {
    int executed = 0;
    List<Job> jobs;
    while (!(jobs = getManagementService().createJobQuery().processInstanceId(pi.getId()).messages().list())
        .isEmpty()) {
      for (Job job : jobs) {
        getManagementService().executeJob(job.getId());
        executed++;
      }
    }
    return executed;
  }

  public List<String> candidateGroups(Task task) {
    return getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  /** Every variable an instance had when it ended, by name. */
  public Map<String, Object> historicVariables(String processInstanceId) {
    return getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
        .stream().collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
  }

  /** The engine clock until the end of the test. */
  public void setCurrentTime(Instant time) {
    ClockUtil.setCurrentTime(Date.from(time));
  }

  public void setCurrentTime(Date time) {
    ClockUtil.setCurrentTime(time);
  }

  public Instant currentTime() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  // ---------------------------------------------------------------- the engine

  public ProcessEngine processEngine() {
    if (delegate == null) {
      throw new IllegalStateException("the engine starts with the test class; use it from a test or @BeforeEach");
    }
    return delegate.getProcessEngine();
  }

  @Override
  public RuntimeService getRuntimeService() {
    return processEngine().getRuntimeService();
  }

  @Override
  public RepositoryService getRepositoryService() {
    return processEngine().getRepositoryService();
  }

  @Override
  public FormService getFormService() {
    return processEngine().getFormService();
  }

  @Override
  public TaskService getTaskService() {
    return processEngine().getTaskService();
  }

  @Override
  public HistoryService getHistoryService() {
    return processEngine().getHistoryService();
  }

  @Override
  public IdentityService getIdentityService() {
    return processEngine().getIdentityService();
  }

  @Override
  public ManagementService getManagementService() {
    return processEngine().getManagementService();
  }

  @Override
  public AuthorizationService getAuthorizationService() {
    return processEngine().getAuthorizationService();
  }

  @Override
  public CaseService getCaseService() {
    return processEngine().getCaseService();
  }

  @Override
  public FilterService getFilterService() {
    return processEngine().getFilterService();
  }

  @Override
  public ExternalTaskService getExternalTaskService() {
    return processEngine().getExternalTaskService();
  }

  @Override
  public DecisionService getDecisionService() {
    return processEngine().getDecisionService();
  }
}
