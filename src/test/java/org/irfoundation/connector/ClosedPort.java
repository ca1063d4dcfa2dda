package org.irfoundation.connector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A local port nothing listens on (just opened and closed again): a connector there is down. */
public final class ClosedPort {

  private ClosedPort() {}

  public static int port() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String url() {
    return "http://localhost:" + port();
  }
}
