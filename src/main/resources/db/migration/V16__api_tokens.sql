-- API tokens of service users (security.ApiTokens): only the SHA-256 of the secret is kept, so a copy of the
-- database gives no usable token. A revoked token stays listed (who revoked it, when) and never works again.
create table api_token (
  id           varchar(36)   primary key,
  user_id      varchar(64)   not null,               -- the Camunda user the token acts as
  name         varchar(100)  not null,
  scopes       varchar(200)  not null,               -- space-separated, e.g. "alerts:write incidents:report"
  secret_hash  varchar(64)   not null,               -- hex SHA-256 of the whole token
  created_at   timestamp with time zone not null,
  created_by   varchar(64)   not null,
  expires_at   timestamp with time zone not null,
  revoked_at   timestamp with time zone,
  revoked_by   varchar(64),
  last_used_at timestamp with time zone,
  constraint api_token_secret unique (secret_hash)
);
create index api_token_user on api_token (user_id);
