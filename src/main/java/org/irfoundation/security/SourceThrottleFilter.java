package org.irfoundation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Password sign-ins (HTTP Basic on the APIs, the webapps' login form) from a source the throttle holds back are
 * answered 429 with {@code Retry-After} before the password is looked at; a sign-in answered 401 counts as a failure
 * of its source, the moment the 401 is set. Bearer tokens are left to {@link BearerTokenFilter}.
 */
class SourceThrottleFilter extends OncePerRequestFilter {

  /** Camunda's webapp login: {@code POST /camunda/api/admin/auth/user/default/login/cockpit}. */
  static final RequestMatcher WEBAPP_LOGIN = PathPatternRequestMatcher.withDefaults()
      .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*");
  private static final String BASIC = "Basic ";

  private final SourceThrottle throttle;
  private final ProblemResponses problems;

  SourceThrottleFilter(SourceThrottle throttle, ProblemResponses problems) {
    this.throttle = throttle;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean basic = header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length());
    boolean webapp = !basic && WEBAPP_LOGIN.matches(request);
    if (!basic && !webapp) {
      chain.doFilter(request, response);
      return;
    }
    SourceThrottle.Method method = basic ? SourceThrottle.Method.BASIC : SourceThrottle.Method.WEBAPP;
    Duration wait = throttle.waitFor(request);
    if (!wait.isZero()) {
      throttle.refused(method);
      problems.tooManyFailures(request, response, wait);
      return;
    }
    // counted when the 401 is set, before the answer reaches the caller (who may try again at once)
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      private boolean counted;

      @Override
      public void setStatus(int status) {
        countIfRefused(status);
        super.setStatus(status);
      }

      @Override
      public void sendError(int status) throws IOException {
        countIfRefused(status);
        super.sendError(status);
      }

      @Override
      public void sendError(int status, String message) throws IOException {
        countIfRefused(status);
        super.sendError(status, message);
      }

      private void countIfRefused(int status) {
        if (status == HttpServletResponse.SC_UNAUTHORIZED && !counted && !signedIn(basic)) {
          counted = true;
          throttle.failed(request, method, basic ? basicUser(header) : null,
              basic ? "wrong password or unknown user" : "webapp login refused");
        }
      }
    });
  }

  private static boolean signedIn(boolean basic) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return basic && authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  /** The user name of a Basic header; the password after the colon is never kept. */
  static String basicUser(String header) {
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? "(malformed)" : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return "(malformed)";
    }
  }
}
