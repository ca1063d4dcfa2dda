package org.irfoundation.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against Camunda's identity service, so the REST API, the webapps and Admin share one user
 * store. A verified password and the user's groups are reused for a few seconds ({@link CredentialCache}).
 * Failed attempts are throttled per source address ({@link SourceThrottle}); Camunda's per-account lockout is off
 * (application.yaml), so no one can lock an account by guessing its password.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_AUTHORITY_PREFIX = "GROUP_";
  static final String PASSWORD_KIND = "password";
  static final String GROUPS_KIND = "groups";

  private final IdentityService identityService;
  private final CredentialCache cache;

  public CamundaIdentityAuthenticationProvider(IdentityService identityService, CredentialCache cache) {
    this.identityService = identityService;
    this.cache = cache;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(credentials instanceof String password)) {
      throw new BadCredentialsException("Bad credentials");
    }
    List<String> groups = cache.get(PASSWORD_KIND,
        () -> identityService.checkPassword(userId, password) ? loadGroups(userId) : null, userId, password);
    if (groups == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities(groups));
  }

  /** The user's Camunda groups, cached like verified credentials. */
  List<String> groups(String userId) {
    return cache.get(GROUPS_KIND, () -> loadGroups(userId), userId);
  }

  private List<String> loadGroups(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  static List<SimpleGrantedAuthority> authorities(List<String> groups) {
    return groups.stream().map(id -> new SimpleGrantedAuthority(GROUP_AUTHORITY_PREFIX + id)).toList();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** The Camunda group ids carried by an authentication made here or by an API token. */
  static List<String> groupIds(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(a -> a.getAuthority())
        .filter(a -> a.startsWith(GROUP_AUTHORITY_PREFIX))
        .map(a -> a.substring(GROUP_AUTHORITY_PREFIX.length()))
        .toList();
  }
}
