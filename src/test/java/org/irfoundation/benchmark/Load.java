package org.irfoundation.benchmark;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** N concurrent clients calling one kind of request for a while: requests/s, items/s, latency percentiles. */
final class Load {

  /** One request and how many items (alerts) it carries. */
  record Call(HttpRequest request, int items, Runnable onAccepted) {}

  record Result(String name, int clients, double seconds, long requests, long items, long errors, double perSecond,
      double itemsPerSecond, double p50Millis, double p99Millis, String firstError) {
    Map<String, Object> json() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", name);
      map.put("clients", clients);
      map.put("seconds", round(seconds));
      map.put("requests", requests);
      map.put("items", items);
      map.put("errors", errors);
      map.put("perSecond", round(perSecond));
      map.put("itemsPerSecond", round(itemsPerSecond));
      map.put("p50Millis", round(p50Millis));
      map.put("p99Millis", round(p99Millis));
      if (firstError != null) {
        map.put("firstError", firstError);
      }
      return map;
    }
  }

  private Load() {}

  /**
   * {@code clients} threads, each sending {@code calls.apply(clientIndex)} back to back for {@code seconds}; with
   * {@code ratePerSecond > 0} the clients together keep to that rate instead (latency at a given load).
   */
  static Result run(BenchApp app, String name, int clients, double seconds, double ratePerSecond,
      IntFunction<Call> calls) throws InterruptedException {
    long[][] latencies = new long[clients][];
    int[] counts = new int[clients];
    AtomicLong items = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    String[] firstError = new String[1];
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long interval = ratePerSecond > 0 ? (long) (clients * 1e9 / ratePerSecond) : 0;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      latencies[c] = new long[1024];
      Thread thread = new Thread(() -> {
        long next = start + (interval * client) / Math.max(1, clients);
        while (true) {
          long now = System.nanoTime();
          if (now >= end) {
            return;
          }
          if (interval > 0) {
            if (next > now) {
              sleepNanos(next - now);
            }
            next += interval;
          }
          Call call = calls.apply(client);
          long before = System.nanoTime();
          try {
            HttpResponse<byte[]> response = app.send(call.request());
            if (response.statusCode() < 300) {
              items.addAndGet(call.items());
              if (call.onAccepted() != null) {
                call.onAccepted().run();
              }
            } else {
              errors.incrementAndGet();
              synchronized (firstError) {
                if (firstError[0] == null) {
                  firstError[0] = response.statusCode() + " " + new String(response.body()).substring(0,
                      Math.min(300, response.body().length));
                }
              }
            }
          } catch (Exception e) {
            errors.incrementAndGet();
            synchronized (firstError) {
              if (firstError[0] == null) {
                firstError[0] = e.toString();
              }
            }
          }
          long took = System.nanoTime() - before;
          if (counts[client] == latencies[client].length) {
            latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
          }
          latencies[client][counts[client]++] = took;
        }
      }, "bench-" + name + "-" + c);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(latencies[c], 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    long ok = total - errors.get();
    return new Result(name, clients, elapsed, total, items.get(), errors.get(), ok / elapsed, items.get() / elapsed,
        percentile(all, 0.50), percentile(all, 0.99), firstError[0]);
  }

  static double percentile(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
    return sortedNanos[Math.max(0, index)] / 1e6;
  }

  static double round(double value) {
    return Double.isNaN(value) ? -1 : Math.round(value * 10) / 10.0;
  }

  private static void sleepNanos(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
