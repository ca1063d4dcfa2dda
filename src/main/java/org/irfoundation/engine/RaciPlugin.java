package org.irfoundation.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.stereotype.Component;

/**
 * Routes every user task that carries the extension property {@code raciActivity} to the groups the RACI
 * table names responsible for that activity: its candidate groups come from {@code dmn/raci.dmn} when the
 * task is created. A process owner sets the property in the Modeler (Extensions -> Properties); it may be an
 * expression over the process's variables ({@code obligation-${determination}}).
 */
@Component
public class RaciPlugin extends AbstractProcessEnginePlugin {

  public static final String PROPERTY = "raciActivity";
  private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String raciActivity = raciActivity(element);
        if (raciActivity != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
              task -> assign(task, raciActivity));
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  static void assign(DelegateTask task, String raciActivity) {
    // an expression (obligation-${determination}) names the activity from the process's data
    String activity = raciActivity.contains("${") ? String.valueOf(Context.getProcessEngineConfiguration()
        .getExpressionManager().createExpression(raciActivity).getValue(task)) : raciActivity;
    // the engine, not the user whose completion created this task, reads the RACI table
    Raci.Assignment assignment = Context.getCommandContext().runWithoutAuthorization(
        () -> new Raci(task.getProcessEngineServices().getDecisionService()).lookup(activity));
    task.addCandidateGroups(assignment.responsible());
  }

  static String raciActivity(Element task) {
    Element extensions = task.element("extensionElements");
    Element properties = extensions == null ? null : extensions.elementNS(CAMUNDA, "properties");
    if (properties == null) {
      return null;
    }
    return properties.elementsNS(CAMUNDA, "property").stream()
        .filter(p -> PROPERTY.equals(p.attribute("name")))
        .map(p -> p.attribute("value"))
        .findFirst().orElse(null);
  }
}
