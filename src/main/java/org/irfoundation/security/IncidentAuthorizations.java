package org.irfoundation.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.irfoundation.engine.ProcessInstanceStartListener;
import org.irfoundation.engine.SystemContext;
import org.irfoundation.incident.Incident;
import org.irfoundation.incident.IncidentTeam;
import org.irfoundation.incident.Incidents;
import org.irfoundation.incident.Roles;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Camunda authorizations of an incident's process instances follow its need-to-know rule, so Cockpit and the
 * engine's REST API show them only to whoever may see the incident: READ on each instance and its history (the
 * {@code incident-response} instance and every instance with the incident id as business key) for its engaged
 * groups, the people who worked it, the people named to it and the IR program owner; on a restricted incident for
 * the named people only. The IR lead and administrators read every instance (their grants are global, see
 * {@link IdentityBootstrap}). Granted when an instance starts, granted and revoked whenever the team changes.
 */
@Component
public class IncidentAuthorizations implements ProcessInstanceStartListener {

  /** What an instance-level grant covers: the running instance and its history. */
  record Grant(Resource resource, Permission permission) {}

  static final List<Grant> GRANTS = List.of(new Grant(Resources.PROCESS_INSTANCE, Permissions.READ),
      new Grant(Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ));

  /** The transaction's resource: the grants it saved (see {@link #savedInThisTransaction}). */
  private static final Object SAVED = IncidentAuthorizations.class.getName() + ".saved";

  /** A group or user that gets the grants. */
  record Principal(boolean group, String id) {}

  private final Incidents incidents;
  private final AuthorizationService authorizations;
  private final HistoryService historyService;
  private final SystemContext system;

  public IncidentAuthorizations(Incidents incidents, AuthorizationService authorizations,
      HistoryService historyService, SystemContext system) {
    this.incidents = incidents;
    this.authorizations = authorizations;
    this.historyService = historyService;
    this.system = system;
  }

  @Override
  public void started(DelegateExecution processInstance) {
    String incidentId = processInstance.getProcessBusinessKey();
    if (incidentId == null) {
      return;
    }
    incidents.find(incidentId).ifPresent(incident -> system.call(() -> {
      apply(incident, List.of(processInstance.getProcessInstanceId()));
      return null;
    }));
  }

  @EventListener
  public void teamChanged(IncidentTeam.Changed change) {
    incidents.find(change.incidentId()).ifPresent(incident -> system.call(() -> {
      Set<String> instances = new LinkedHashSet<>();
      if (incident.processInstanceId() != null) {
        instances.add(incident.processInstanceId());
      }
      historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(incident.id()).list()
          .stream().map(HistoricProcessInstance::getId).forEach(instances::add);
      apply(incident, List.copyOf(instances));
      return null;
    }));
  }

  /** Who reads the incident's instances under its rule now. */
  Set<Principal> readers(Incident incident) {
    IncidentTeam.Team team = incidents.team(incident.id());
    Set<Principal> readers = new HashSet<>();
    for (IncidentTeam.Row member : team.members()) {
      boolean named = member.reason() == IncidentTeam.Reason.NAMED;
      if (named || !incident.restricted()) {
        readers.add(new Principal(member.type() == IncidentTeam.Principal.GROUP, member.principal()));
      }
    }
    if (!incident.restricted()) {
      readers.add(new Principal(true, Roles.IR_PROGRAM_OWNER));
    }
    return readers;
  }

  /**
   * The grants this transaction has saved: inside one engine command (a job that starts two instances or changes the
   * team twice) they are flushed only at its end, so a second look at the database does not see the first's.
   */
  private static Set<String> savedInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashSet<>();
    }
    @SuppressWarnings("unchecked")
    Set<String> saved = (Set<String>) TransactionSynchronizationManager.getResource(SAVED);
    if (saved == null) {
      Set<String> fresh = new HashSet<>();
      TransactionSynchronizationManager.bindResource(SAVED, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(SAVED);
        }
      });
      saved = fresh;
    }
    return saved;
  }

  private void apply(Incident incident, List<String> instances) {
    Set<Principal> readers = readers(incident);
    Set<String> saved = savedInThisTransaction();
    for (String instance : instances) {
      for (Grant grant : GRANTS) {
        Set<Principal> granted = new HashSet<>();
        for (Authorization existing : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
            .resourceType(grant.resource()).resourceId(instance).list()) {
          Principal principal = new Principal(existing.getGroupId() != null,
              existing.getGroupId() != null ? existing.getGroupId() : existing.getUserId());
          if (readers.contains(principal)) {
            granted.add(principal);
          } else {
            authorizations.deleteAuthorization(existing.getId());
          }
        }
        List<Principal> missing = new ArrayList<>(readers);
        missing.removeAll(granted);
        for (Principal principal : missing) {
          if (!saved.add(grant.resource().resourceName() + "|" + instance + "|" + principal)) {
            continue; // saved already in this transaction, not flushed yet
          }
          Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
          if (principal.group()) {
            authorization.setGroupId(principal.id());
          } else {
            authorization.setUserId(principal.id());
          }
          authorization.setResource(grant.resource());
          authorization.setResourceId(instance);
          authorization.addPermission(grant.permission());
          authorizations.saveAuthorization(authorization);
        }
      }
    }
  }
}
