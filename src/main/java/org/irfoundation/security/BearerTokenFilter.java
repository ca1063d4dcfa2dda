package org.irfoundation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.irfoundation.engine.EngineClock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer irf_...} on the APIs: an unknown, expired or revoked token answers 401 (429 from a
 * source the throttle holds back), a request outside the token's scopes 403; otherwise the request goes on as the
 * token's user. A valid token works even from a held-back source: 256 random bits are not guessed.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final SourceThrottle throttle;
  private final ProblemResponses problems;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  BearerTokenFilter(ApiTokens tokens, SourceThrottle throttle, ProblemResponses problems) {
    this.tokens = tokens;
    this.throttle = throttle;
    this.problems = problems;
  }

  static boolean isBearer(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isBearer(request)) {
      chain.doFilter(request, response);
      return;
    }
    String presented = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
    ApiTokens.Lookup lookup = tokens.lookup(presented);
    ApiToken token = lookup == null ? null : lookup.token();
    ApiToken.Status status = token == null ? null : token.status(EngineClock.now());
    if (token == null || status != ApiToken.Status.ACTIVE || lookup.groups() == null) {
      String why = token == null ? "unknown token" : lookup.groups() == null ? "token of a deleted user"
          : status.name().toLowerCase() + " token " + token.id();
      Duration wait = throttle.failed(request, SourceThrottle.Method.BEARER, token == null ? null : token.user(), why);
      if (!wait.isZero()) {
        problems.tooManyFailures(request, response, wait);
      } else {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
            "Bearer realm=\"" + ProblemResponses.REALM + "\", error=\"invalid_token\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED,
            "The API token is not valid: unknown, expired or revoked.");
      }
      return;
    }
    if (!TokenScope.allows(token.grantedScopes(), request)) {
      problems.write(request, response, HttpStatus.FORBIDDEN, "This API token's scopes " + token.scopes()
          + " do not include " + request.getMethod() + " " + request.getRequestURI() + ".");
      return;
    }
    tokens.used(token);
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(new ApiTokenAuthentication(token.user(), lookup.groups(), token.id(),
        token.grantedScopes()));
    contexts.setContext(context);
    chain.doFilter(request, response);
  }
}
