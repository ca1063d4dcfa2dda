package org.irfoundation.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by an API token: it acts as the token's user, with the user's groups, in its scopes. */
public class ApiTokenAuthentication extends AbstractAuthenticationToken {

  private final String userId;
  private final String tokenId;
  private final List<TokenScope> scopes;

  ApiTokenAuthentication(String userId, List<String> groups, String tokenId, List<TokenScope> scopes) {
    super(CamundaIdentityAuthenticationProvider.authorities(groups));
    this.userId = userId;
    this.tokenId = tokenId;
    this.scopes = List.copyOf(scopes);
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public Object getPrincipal() {
    return userId;
  }

  public String tokenId() {
    return tokenId;
  }

  public List<TokenScope> scopes() {
    return scopes;
  }
}
