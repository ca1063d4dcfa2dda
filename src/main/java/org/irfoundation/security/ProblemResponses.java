package org.irfoundation.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401, 403 and 429 answers of the security filters as RFC 9457 problem details, like every other error. */
final class ProblemResponses {

  static final String REALM = "IR Foundation";

  private final ObjectMapper objectMapper;

  ProblemResponses(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  AuthenticationEntryPoint unauthorized() {
    return (request, response, ex) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
      write(request, response, HttpStatus.UNAUTHORIZED,
          "Authentication required: HTTP Basic with a user of this IR Foundation instance.");
    };
  }

  AccessDeniedHandler forbidden() {
    return (request, response, ex) -> write(request, response, HttpStatus.FORBIDDEN,
        "This request is not allowed.");
  }

  /** 429: the source failed too often; {@code Retry-After} in whole seconds, at least 1. */
  void tooManyFailures(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins from this address: try again in "
        + seconds + " s.");
  }

  void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
