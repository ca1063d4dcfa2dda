package org.irfoundation.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.irfoundation.connector.ConnectorConfigurationException;
import org.irfoundation.connector.ConnectorHealth;
import org.irfoundation.connector.ConnectorUnavailableException;
import org.irfoundation.evidence.EvidenceProperties.ObjectLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Evidence in an S3 bucket (AWS or any S3-compatible store). An upload of unknown length is first spooled
 * to a local file while its SHA-256 is computed, then sent with that digest as {@code x-amz-checksum-sha256}
 * (S3 refuses the object if the bytes it received differ), with {@code If-None-Match: *} (never overwrite),
 * and, where the bucket has Object Lock, COMPLIANCE retention and a legal hold. The spool file is deleted
 * afterwards. Keys are {@code <prefix><evidence id>}; the location is {@code s3://bucket/key}.
 */
public class S3EvidenceStore implements EvidenceStore, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(S3EvidenceStore.class);
  private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
  static final String SYSTEM = "S3";
  static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final ObjectLock lock;
  private final Path spool;
  private final Clock clock;
  /** Whether the bucket has Object Lock; null until asked (AUTO asks on first use). */
  private volatile Boolean bucketLocks;

  public S3EvidenceStore(S3Client s3, String bucket, String prefix, ObjectLock lock, Path spool, Clock clock) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("irf.evidence.s3.bucket is required for the S3 evidence store");
    }
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.lock = lock;
    this.spool = spool;
    this.clock = clock;
    if (lock.use() == ObjectLock.Use.OFF) {
      bucketLocks = false;
    }
  }

  /** Checks at start-up that a bucket which must lock objects does; fails otherwise. */
  public void checkBucket() {
    if (lock.use() == ObjectLock.Use.REQUIRED && !bucketLocks()) {
      throw new IllegalStateException("irf.evidence.s3.object-lock.use=REQUIRED, but bucket '" + bucket
          + "' has no Object Lock enabled");
    }
  }

  @Override
  public String type() {
    return "s3";
  }

  @Override
  public Stored put(String evidenceId, InputStream content, long maxBytes) throws IOException {
    if (!ID.matcher(evidenceId).matches()) {
      throw new IllegalArgumentException("not a generated evidence id");
    }
    Files.createDirectories(spool);
    Path staged = Files.createTempFile(spool, "s3-" + evidenceId, ".part");
    try {
      HashingCopy.Result written;
      try (OutputStream out = Files.newOutputStream(staged, StandardOpenOption.WRITE)) {
        written = HashingCopy.copy(content, out, maxBytes);
      }
      String key = prefix + evidenceId;
      PutObjectRequest.Builder request = PutObjectRequest.builder()
          .bucket(bucket).key(key)
          .contentType("application/octet-stream")
          .contentLength(written.size())
          .checksumAlgorithm(ChecksumAlgorithm.SHA256)
          .checksumSHA256(written.base64())
          .ifNoneMatch("*");
      if (bucketLocks()) {
        request.objectLockMode(ObjectLockMode.COMPLIANCE)
            .objectLockRetainUntilDate(clock.instant().plus(Duration.ofDays(lock.retentionDays()))
                .truncatedTo(ChronoUnit.SECONDS));
        if (lock.legalHold()) {
          request.objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON);
        }
      }
      try {
        s3.putObject(request.build(), RequestBody.fromFile(staged));
      } catch (S3Exception e) {
        throw new IOException("S3 refused evidence " + evidenceId + ": " + e.awsErrorDetails().errorCode()
            + " (" + e.statusCode() + ")", e);
      }
      return new Stored(location(key), written.size(), written.hex());
    } finally {
      Files.deleteIfExists(staged);
    }
  }

  @Override
  public InputStream open(String location) throws IOException {
    String key = key(location);
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(location, null, "no such object");
    }
  }

  @Override
  public void discard(String location) {
    try {
      String key = key(location);
      s3.deleteObject(b -> b.bucket(bucket).key(key));
    } catch (RuntimeException | NoSuchFileException e) {
      LOG.warn("Could not remove unregistered evidence {} (retention may forbid it): {}", location, e.getMessage());
    }
  }

  /** {@code HeadBucket} (needs {@code s3:ListBucket}), at most 5 s including the SDK's retries. */
  @Override
  public Health health() {
    return ConnectorHealth.check(SYSTEM, "s3://" + bucket, () -> {
      try {
        s3.headBucket(b -> b.bucket(bucket).overrideConfiguration(c -> c.apiCallTimeout(HEALTH_TIMEOUT)));
      } catch (S3Exception e) {
        String what = "S3 answered HTTP " + e.statusCode() + " to HEAD bucket '" + bucket + "'";
        if (e.statusCode() >= 500) {
          throw new ConnectorUnavailableException(SYSTEM, e.statusCode(), what, e);
        }
        throw new ConnectorConfigurationException(SYSTEM, e.statusCode(), what + ": " + (e.statusCode() == 404
            ? "no such bucket, check irf.evidence.s3.bucket and endpoint"
            : "check the credentials and that they may list the bucket (s3:ListBucket)"));
      } catch (SdkClientException e) {
        throw new ConnectorUnavailableException(SYSTEM, 0, "S3 did not answer HEAD bucket '" + bucket + "': "
            + e.getMessage(), e);
      }
      return "HEAD bucket answered";
    });
  }

  /** Whether uploads carry Object Lock headers: asks the bucket once (AUTO, REQUIRED). */
  boolean bucketLocks() {
    Boolean known = bucketLocks;
    if (known != null) {
      return known;
    }
    boolean locks;
    try {
      GetObjectLockConfigurationResponse config = s3.getObjectLockConfiguration(b -> b.bucket(bucket));
      locks = config.objectLockConfiguration() != null
          && config.objectLockConfiguration().objectLockEnabled() == ObjectLockEnabled.ENABLED;
    } catch (S3Exception e) {
      if (e.statusCode() >= 500 && e.statusCode() != 501) {
        throw e; // the store is unwell: ask again next time
      }
      // 404 ObjectLockConfigurationNotFoundError, 501 NotImplemented (S3-compatible stores): no Object Lock
      locks = false;
    }
    LOG.info("Evidence bucket '{}': Object Lock {}", bucket, locks
        ? "COMPLIANCE for " + lock.retentionDays() + " days" + (lock.legalHold() ? " plus legal hold" : "")
        : "not available, objects are written without retention");
    bucketLocks = locks;
    return locks;
  }

  /** Closes the S3 client with the application. */
  @Override
  public void close() {
    s3.close();
  }

  private String location(String key) {
    return "s3://" + bucket + "/" + key;
  }

  private String key(String location) throws NoSuchFileException {
    String start = "s3://" + bucket + "/" + prefix;
    if (location == null || !location.startsWith(start)
        || !ID.matcher(location.substring(start.length())).matches()) {
      throw new NoSuchFileException(String.valueOf(location), null, "not a location of this S3 store");
    }
    return location.substring(("s3://" + bucket + "/").length());
  }
}
