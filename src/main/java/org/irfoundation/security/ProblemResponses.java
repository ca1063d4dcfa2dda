package org.irfoundation.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 answers of the security filters as RFC 9457 problem details, like every other error. */
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

  void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
