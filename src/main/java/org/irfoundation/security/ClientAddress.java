package org.irfoundation.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The address a request comes from, as the throttle counts it. {@code X-Forwarded-For} is believed only when the
 * connection comes from a configured trusted proxy ({@code irf.security.throttle.trusted-proxies}); then the
 * right-most hop that is not a trusted proxy is the client (hops further left are whatever the client wrote). An
 * IPv6 client counts by its /64 network, which one host usually has to itself.
 */
class ClientAddress {

  static final String FORWARDED_FOR = "X-Forwarded-For";
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private final List<IpAddressMatcher> trustedProxies;

  ClientAddress(ThrottleProperties properties) {
    this.trustedProxies = properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
  }

  String of(HttpServletRequest request) {
    String client = request.getRemoteAddr();
    if (trustedProxies.isEmpty() || !trusted(client)) {
      return key(client);
    }
    List<String> hops = new ArrayList<>();
    for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (!isLiteral(hop)) {
        break; // garbage written by whoever is left of the last good hop: that hop is the client
      }
      client = hop;
      if (!trusted(hop)) {
        break;
      }
    }
    return key(client);
  }

  private boolean trusted(String address) {
    return isLiteral(address) && trustedProxies.stream().anyMatch(m -> m.matches(address));
  }

  /** Only literals are parsed: a host name would make InetAddress ask the DNS. */
  static boolean isLiteral(String address) {
    return address != null && address.length() <= 45
        && (IPV4.matcher(address).matches() || IPV6.matcher(address).matches());
  }

  static String key(String address) {
    if (!isLiteral(address) || !address.contains(":")) {
      return String.valueOf(address);
    }
    try {
      InetAddress parsed = InetAddress.getByName(address);
      if (parsed instanceof Inet6Address) {
        byte[] bytes = parsed.getAddress();
        for (int i = 8; i < 16; i++) {
          bytes[i] = 0;
        }
        return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
      }
      return parsed.getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
