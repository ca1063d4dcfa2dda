package org.irfoundation.evidence;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code irf.evidence.*}: where evidence is stored and how large one file may be. Defaults need nothing
 * installed: a write-once folder under {@code ./data/evidence}, 2 GiB per file.
 *
 * @param maxFileSize largest file one upload may carry (the multipart limit of the app follows it)
 * @param spoolDir where uploads are spooled while they arrive, never the heap; on the same disk as the
 *     evidence, not on a memory-backed /tmp
 * @param zone time zone written with every chain-of-custody entry (default: the server's)
 * @param store which {@link EvidenceStore} keeps the files
 * @param fetch fetching evidence from a URL ("Store evidence" service task): off unless hosts are allowed
 */
@ConfigurationProperties(prefix = "irf.evidence")
public record EvidenceProperties(DataSize maxFileSize, Path spoolDir, ZoneId zone, StoreType store,
    Filesystem filesystem, S3 s3, Fetch fetch) {

  public static final DataSize DEFAULT_MAX_FILE_SIZE = DataSize.ofGigabytes(2);

  public enum StoreType { FILESYSTEM, S3 }

  public EvidenceProperties {
    maxFileSize = maxFileSize == null ? DEFAULT_MAX_FILE_SIZE : maxFileSize;
    if (maxFileSize.toBytes() <= 0) {
      throw new IllegalArgumentException("irf.evidence.max-file-size must be positive");
    }
    spoolDir = (spoolDir == null ? Path.of("data", "evidence-spool") : spoolDir).toAbsolutePath().normalize();
    zone = zone == null ? ZoneId.systemDefault() : zone;
    store = store == null ? StoreType.FILESYSTEM : store;
    filesystem = filesystem == null ? new Filesystem(null) : filesystem;
    s3 = s3 == null ? new S3(null, null, null, false, null, null, null, null) : s3;
    fetch = fetch == null ? new Fetch(null, null, null, null) : fetch;
  }

  /** The write-once folder: one read-only file per item, named by its generated id. */
  public record Filesystem(Path root) {
    public Filesystem {
      root = (root == null ? Path.of("data", "evidence") : root).toAbsolutePath().normalize();
    }
  }

  /**
   * An S3 bucket (AWS or S3-compatible via {@code endpoint}). Credentials from here or, when unset, from the
   * AWS default chain (environment, profile, instance role).
   */
  public record S3(String bucket, URI endpoint, String region, boolean pathStyle, String prefix,
      String accessKeyId, String secretAccessKey, ObjectLock objectLock) {
    public S3 {
      region = region == null || region.isBlank() ? "us-east-1" : region;
      prefix = prefix == null ? "evidence/" : prefix;
      objectLock = objectLock == null ? new ObjectLock(null, 0, null) : objectLock;
    }

    @Override
    public String toString() {
      return "S3[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle
          + ", prefix=" + prefix + ", accessKeyId=" + (accessKeyId == null ? "<default chain>" : "<set>")
          + ", secretAccessKey=<hidden>, objectLock=" + objectLock + "]";
    }
  }

  /**
   * Object Lock on every object the S3 store writes.
   *
   * @param use AUTO: when the bucket has Object Lock enabled; REQUIRED: refuse to start without it; OFF: never
   * @param retentionDays COMPLIANCE-mode retention from the upload (nobody, not even the account root, can
   *     shorten it or delete the object before)
   * @param legalHold also place a legal hold (lifted only explicitly, independent of retention)
   */
  public record ObjectLock(Use use, int retentionDays, Boolean legalHold) {
    public enum Use { AUTO, REQUIRED, OFF }

    public ObjectLock {
      use = use == null ? Use.AUTO : use;
      retentionDays = retentionDays <= 0 ? 365 : retentionDays;
      legalHold = legalHold == null ? Boolean.TRUE : legalHold;
    }
  }

  /**
   * Fetching evidence from an HTTP(S) URL ({@link StoreEvidenceDelegate}). Off unless {@code allowedHosts} names
   * hosts: a URL of any other host is refused before anything is sent.
   *
   * @param allowedHosts host names the task may fetch from ({@code edr.acme.example}), or {@code *.acme.example}
   *     for every host below a domain; every host a redirect leads to must be allowed too. Empty: fetching is off
   * @param bearerToken sent as {@code Authorization: Bearer} to the URL's own host only (never to a host it
   *     redirects to); from the environment ({@code IRF_EVIDENCE_FETCH_BEARERTOKEN}), never logged
   * @param connectTimeout how long to wait for the connection (default 10 s)
   * @param readTimeout how long to wait for the answer and then for each next part of the body (default 60 s);
   *     not a limit on the whole download
   */
  public record Fetch(List<String> allowedHosts, String bearerToken, Duration connectTimeout, Duration readTimeout) {

    public static final String ALLOWED_HOSTS = "irf.evidence.fetch.allowed-hosts";
    public static final String ALLOWED_HOSTS_ENV = "IRF_EVIDENCE_FETCH_ALLOWEDHOSTS";

    public Fetch {
      allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream().filter(h -> h != null && !h.isBlank())
          .map(Fetch::hostName).distinct().toList();
      bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken.trim();
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
    }

    /** Whether {@code host} is listed, exactly or below a listed {@code *.domain}. */
    public boolean allows(String host) {
      if (host == null || host.isEmpty()) {
        return false;
      }
      String name = hostName(host);
      return allowedHosts.stream().anyMatch(allowed -> allowed.startsWith("*.")
          ? name.endsWith(allowed.substring(1)) && name.length() > allowed.length() - 1
          : allowed.equals(name));
    }

    /** Lower case, without the brackets of an IPv6 literal. */
    static String hostName(String host) {
      String name = host.trim().toLowerCase(Locale.ROOT);
      return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }

    @Override
    public String toString() {
      return "Fetch[allowedHosts=" + allowedHosts + ", bearerToken=" + (bearerToken == null ? "(not set)" : "******")
          + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
  }
}
