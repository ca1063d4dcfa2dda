package org.irfoundation.chat;

import java.util.Optional;

/**
 * The chat where responders coordinate an incident (port): one war room per incident. Adapters: the built-in
 * war-room log (default); Slack, Microsoft Teams and Mattermost come later.
 */
public interface ChatChannel {

  /** Opens the incident's war room, or returns the one it already has. */
  WarRoomRef openWarRoom(String incidentId, String title);

  void post(WarRoomRef ref, String text);

  Optional<WarRoomRef> findWarRoom(String incidentId);
}
