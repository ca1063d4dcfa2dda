package org.irfoundation.rollout;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.irfoundation.engine.Variable;
import org.irfoundation.rollout.RolloutApi.Inputs;
import org.irfoundation.rollout.RolloutApi.Vars;
import org.springframework.stereotype.Component;

/**
 * {@code Task_IssueCertificate} ({@code ${issueCertificate}}, asynchronous): renders the member's training certificate
 * and stores it as a week-3 deliverable with its SHA-256. Safe to retry: a passed attempt gets one certificate.
 */
@Component("issueCertificate")
public class IssueCertificateDelegate implements JavaDelegate {

  /** Besides these it reads rolloutId and member. */
  public static final List<Variable<?>> INPUTS = List.of();
  public static final List<Variable<?>> OUTPUTS = List.of();

  private final TrainingCertificates certificates;

  public IssueCertificateDelegate(TrainingCertificates certificates) {
    this.certificates = certificates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String step = "Issue certificate";
    certificates.issue(Inputs.ROLLOUT_ID.required(execution, step), Vars.MEMBER.required(execution, step));
  }
}
