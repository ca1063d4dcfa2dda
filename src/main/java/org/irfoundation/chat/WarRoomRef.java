package org.irfoundation.chat;

/** A war room's reference in its chat (e.g. {@code WR-7}, a Slack channel id); kept in the process as {@code warRoomRef}. */
public record WarRoomRef(String id) {

  public WarRoomRef {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a war-room reference must not be empty");
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
