package org.irfoundation.response.actions.adapters;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.irfoundation.response.actions.ActionCall;
import org.irfoundation.response.actions.ActionDeniedException;
import org.irfoundation.response.actions.ActionOutcome;
import org.irfoundation.response.actions.ActionParameters;
import org.irfoundation.response.actions.ActionRequest;
import org.irfoundation.response.actions.HostActions;
import org.irfoundation.response.actions.ResponseAction;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotInfo;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * AWS EC2. ISOLATE_HOST replaces the instance's security groups by the isolation group (which lets in only the
 * forensics range); the groups it had are first written to the instance tag {@value #PREVIOUS_GROUPS_TAG}, so
 * RELEASE_HOST can put them back after a restart of this application too. SNAPSHOT_HOST snapshots every EBS volume
 * ({@code CreateSnapshots}) and tags the snapshots with the incident, so a repeat finds them instead of taking new
 * ones; the snapshot ids are the outcome's references, for the custody log.
 *
 * <p>Instances with more than one network interface are refused (their groups are per interface): isolate those
 * by hand.
 */
public class Ec2HostActions extends ActionAdapter implements HostActions {

  public static final String SYSTEM = "AWS EC2";
  public static final String PREVIOUS_GROUPS_TAG = "irf:isolation:previous-groups";
  public static final String ISOLATION_INCIDENT_TAG = "irf:isolation:incident";
  public static final String INCIDENT_TAG = "irf:incident";
  public static final String SOURCE_INSTANCE_TAG = "irf:source-instance";
  static final String VERSION = "2016-11-15";
  private static final Set<ResponseAction> SUPPORTED = EnumSet.of(ResponseAction.ISOLATE_HOST,
      ResponseAction.RELEASE_HOST, ResponseAction.SNAPSHOT_HOST);

  private final Ec2Client ec2;
  private final String endpoint;
  private final String isolationGroup;

  public Ec2HostActions(Ec2Client ec2, String endpoint, String isolationGroup) {
    super(SYSTEM, SUPPORTED);
    this.ec2 = ec2;
    this.endpoint = endpoint;
    this.isolationGroup = isolationGroup;
  }

  @Override
  public ActionCall preview(ActionRequest request) {
    return switch (request.action()) {
      case ISOLATE_HOST -> modifyGroups(request.target(), List.of(isolationGroup));
      case RELEASE_HOST -> {
        List<String> given = groups(request.parameter(ActionParameters.PREVIOUS_GROUPS));
        yield modifyGroups(request.target(), given.isEmpty() ? List.of("(from tag " + PREVIOUS_GROUPS_TAG + ")")
            : given);
      }
      case SNAPSHOT_HOST -> createSnapshots(request);
      default -> throw new IllegalArgumentException(SYSTEM + " does not " + request.action());
    };
  }

  @Override
  public ActionOutcome execute(ActionRequest request) {
    return switch (request.action()) {
      case ISOLATE_HOST -> isolate(request);
      case RELEASE_HOST -> release(request);
      case SNAPSHOT_HOST -> snapshot(request);
      default -> throw new IllegalArgumentException(SYSTEM + " does not " + request.action());
    };
  }

  private ActionOutcome isolate(ActionRequest request) {
    String id = request.target();
    Instance instance = instance(id);
    List<String> current = instance.securityGroups().stream().map(GroupIdentifier::groupId).toList();
    ActionCall call = modifyGroups(id, List.of(isolationGroup));
    if (current.equals(List.of(isolationGroup))) {
      return new ActionOutcome(SYSTEM, call, "instance " + id + " is already in isolation group " + isolationGroup
          + " (previous groups: " + String.join(",", tag(instance, PREVIOUS_GROUPS_TAG)) + "): nothing sent",
          groups(tag(instance, PREVIOUS_GROUPS_TAG)), false);
    }
    // the previous groups go on the instance first: a crash after the swap still leaves them to restore
    String previous = String.join(",", current);
    AwsErrors.call(SYSTEM, "tag " + id + " with its security groups", () -> ec2.createTags(r -> r.resources(id)
        .tags(tag(PREVIOUS_GROUPS_TAG, previous), tag(ISOLATION_INCIDENT_TAG, request.incidentId()))));
    AwsErrors.call(SYSTEM, "ModifyInstanceAttribute (security groups) of " + id,
        () -> ec2.modifyInstanceAttribute(r -> r.instanceId(id).groups(isolationGroup)));
    return new ActionOutcome(SYSTEM, call, "instance " + id + " isolated: security groups " + previous
        + " replaced by " + isolationGroup + " (previous groups kept in tag " + PREVIOUS_GROUPS_TAG + ")",
        current, true);
  }

  private ActionOutcome release(ActionRequest request) {
    String id = request.target();
    Instance instance = instance(id);
    List<String> current = instance.securityGroups().stream().map(GroupIdentifier::groupId).toList();
    List<String> previous = groups(request.parameter(ActionParameters.PREVIOUS_GROUPS));
    if (previous.isEmpty()) {
      previous = groups(tag(instance, PREVIOUS_GROUPS_TAG));
    }
    List<String> restore = previous;
    ActionCall call = modifyGroups(id, restore.isEmpty() ? List.of("(unknown)") : restore);
    if (!current.equals(List.of(isolationGroup))) {
      return new ActionOutcome(SYSTEM, call, "instance " + id + " is not in isolation group " + isolationGroup
          + " (groups: " + String.join(",", current) + "): nothing sent", current, false);
    }
    if (restore.isEmpty()) {
      throw new ActionDeniedException(SYSTEM, 0, "instance " + id + " is isolated but its previous security groups "
          + "are unknown (no parameter previousGroups, no tag " + PREVIOUS_GROUPS_TAG + "): restore them by hand");
    }
    AwsErrors.call(SYSTEM, "ModifyInstanceAttribute (security groups) of " + id,
        () -> ec2.modifyInstanceAttribute(r -> r.instanceId(id).groups(restore)));
    AwsErrors.call(SYSTEM, "remove the isolation tags of " + id, () -> ec2.deleteTags(r -> r.resources(id)
        .tags(Tag.builder().key(PREVIOUS_GROUPS_TAG).build(), Tag.builder().key(ISOLATION_INCIDENT_TAG).build())));
    return new ActionOutcome(SYSTEM, call, "instance " + id + " released: security groups " + String.join(",", restore)
        + " restored", restore, true);
  }

  private ActionOutcome snapshot(ActionRequest request) {
    String id = request.target();
    ActionCall call = createSnapshots(request);
    List<String> existing = AwsErrors.call(SYSTEM, "look for the snapshots of " + id + " for " + request.incidentId(),
        () -> ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").filters(
                Filter.builder().name("tag:" + INCIDENT_TAG).values(request.incidentId()).build(),
                Filter.builder().name("tag:" + SOURCE_INSTANCE_TAG).values(id).build()))
            .snapshots().stream().map(Snapshot::snapshotId).sorted().toList());
    if (!existing.isEmpty()) {
      return new ActionOutcome(SYSTEM, call, "instance " + id + " already has snapshots for " + request.incidentId()
          + ": " + String.join(", ", existing) + ": nothing sent", existing, false);
    }
    List<String> taken = AwsErrors.call(SYSTEM, "CreateSnapshots of " + id, () -> ec2.createSnapshots(r -> r
            .instanceSpecification(s -> s.instanceId(id)).description(description(request))
            .copyTagsFromSource("volume")
            .tagSpecifications(t -> t.resourceType(ResourceType.SNAPSHOT)
                .tags(tag(INCIDENT_TAG, request.incidentId()), tag(SOURCE_INSTANCE_TAG, id))))
        .snapshots().stream().map(SnapshotInfo::snapshotId).toList());
    return new ActionOutcome(SYSTEM, call, "snapshots of every EBS volume of " + id + " started: "
        + String.join(", ", taken), taken, true);
  }

  private Instance instance(String id) {
    List<Instance> found = AwsErrors.call(SYSTEM, "describe instance " + id,
        () -> ec2.describeInstances(r -> r.instanceIds(id)).reservations().stream()
            .flatMap(reservation -> reservation.instances().stream()).toList());
    if (found.isEmpty()) {
      throw new ActionDeniedException(SYSTEM, 404, SYSTEM + " has no instance " + id);
    }
    Instance instance = found.get(0);
    if (instance.networkInterfaces().size() > 1) {
      throw new ActionDeniedException(SYSTEM, 0, "instance " + id + " has " + instance.networkInterfaces().size()
          + " network interfaces, each with its own security groups: isolate it by hand");
    }
    return instance;
  }

  private ActionCall modifyGroups(String id, List<String> groups) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("InstanceId", id);
    for (int i = 0; i < groups.size(); i++) {
      parameters.put("GroupId." + (i + 1), groups.get(i));
    }
    return new ActionCall("ModifyInstanceAttribute", endpoint, AwsErrors.queryBody("ModifyInstanceAttribute",
        VERSION, parameters));
  }

  private ActionCall createSnapshots(ActionRequest request) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("Description", description(request));
    parameters.put("InstanceSpecification.InstanceId", request.target());
    parameters.put("TagSpecification.1.ResourceType", "snapshot");
    parameters.put("TagSpecification.1.Tag.1.Key", INCIDENT_TAG);
    parameters.put("TagSpecification.1.Tag.1.Value", request.incidentId());
    parameters.put("TagSpecification.1.Tag.2.Key", SOURCE_INSTANCE_TAG);
    parameters.put("TagSpecification.1.Tag.2.Value", request.target());
    parameters.put("CopyTagsFromSource", "volume");
    return new ActionCall("CreateSnapshots", endpoint, AwsErrors.queryBody("CreateSnapshots", VERSION, parameters));
  }

  private static String description(ActionRequest request) {
    return "IR Foundation evidence for " + request.incidentId() + " from " + request.target();
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static String tag(Instance instance, String key) {
    return instance.tags().stream().filter(t -> key.equals(t.key())).map(Tag::value).findFirst().orElse("");
  }

  static List<String> groups(String commaSeparated) {
    return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
