package org.irfoundation.response.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A recording stand-in for an action adapter: counts the requests it previewed and sent, answers as told (by default
 * "changed", with {@code references} for a snapshot), or throws what {@link #failWith} gives it.
 */
final class FakeAction implements IdentityActions, HostActions {

  final String system;
  final Set<ResponseAction> supported;
  final List<ActionRequest> sent = new ArrayList<>();
  final List<ActionRequest> previewed = new ArrayList<>();
  List<String> references = List.of();
  Function<ActionRequest, RuntimeException> failure;

  FakeAction(String system, ResponseAction... supported) {
    this.system = system;
    this.supported = Set.of(supported);
  }

  FakeAction failWith(Function<ActionRequest, RuntimeException> failure) {
    this.failure = failure;
    return this;
  }

  @Override
  public String system() {
    return system;
  }

  @Override
  public boolean supports(ResponseAction action) {
    return supported.contains(action);
  }

  @Override
  public ActionCall preview(ActionRequest request) {
    previewed.add(request);
    return call(request);
  }

  @Override
  public ActionOutcome execute(ActionRequest request) {
    sent.add(request);
    if (failure != null) {
      throw failure.apply(request);
    }
    return new ActionOutcome(system, call(request), "200 OK", references, true);
  }

  static ActionCall call(ActionRequest request) {
    return new ActionCall(request.action().name(), "https://api.example.test", "target=" + request.target());
  }
}
