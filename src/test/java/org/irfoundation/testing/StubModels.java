package org.irfoundation.testing;

/** Ids of the test stand-in models in {@code src/test/resources/stub-bpmn/}, which no constants class of the app has. */
public final class StubModels {

  /** The one user task of the playbook stand-ins (compromised account, malware/ransomware, data breach). */
  public static final String TASK_WORK_PLAYBOOK = "Task_WorkPlaybook";

  /** The one user task of the regulatory-notification stand-in. */
  public static final String TASK_FILE_STUB = "Task_FileStub";

  /** The one user task of the post-incident-review stand-in. */
  public static final String TASK_REVIEW_STUB = "Task_ReviewStub";

  private StubModels() {}
}
