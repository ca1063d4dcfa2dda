package org.irfoundation.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Calls every {@link ProcessInstanceStartListener} bean when a process instance starts, through a built-in start
 * listener on every deployed process, so no model needs one (and a process owner cannot remove it).
 */
@Component
public class ProcessStartPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ProcessInstanceStartListener> listeners;

  public ProcessStartPlugin(ObjectProvider<ProcessInstanceStartListener> listeners) {
    this.listeners = listeners;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        ExecutionListener started = execution -> listeners.orderedStream().forEach(l -> l.started(execution));
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, started);
      }
    });
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }
}
