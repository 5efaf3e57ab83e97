package dev.casemail.messaging.benchmarks;

import java.time.Duration;
import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.reactivestreams.Publisher;

/**
 * A James metric factory that records nothing, so that James is measured without the cost of its
 * metrics (its own tests use a recording factory from a test jar).
 */
final class NoopMetricFactory implements MetricFactory {

  private static final Metric METRIC = new Metric() {
    @Override
    public void increment() {}

    @Override
    public void decrement() {}

    @Override
    public void add(int value) {}

    @Override
    public void remove(int value) {}

    @Override
    public long getCount() {
      return 0;
    }
  };

  private static final TimeMetric.ExecutionResult NO_TIME = new TimeMetric.ExecutionResult() {
    @Override
    public Duration elasped() {
      return Duration.ZERO;
    }

    @Override
    @SuppressWarnings("deprecation") // deprecated in James, yet still abstract: it must be implemented
    public TimeMetric.ExecutionResult logWhenExceedP99(Duration thresholdInNanoSeconds) {
      return this;
    }
  };

  @Override
  public Metric generate(String name) {
    return METRIC;
  }

  @Override
  public TimeMetric timer(String name) {
    return new TimeMetric() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public TimeMetric.ExecutionResult stopAndPublish() {
        return NO_TIME;
      }
    };
  }

  @Override
  public <T> Publisher<T> decoratePublisherWithTimerMetric(String name, Publisher<T> publisher) {
    return publisher;
  }

  @Override
  @SuppressWarnings("deprecation") // deprecated in James, yet still abstract: it must be implemented
  public <T> Publisher<T> decoratePublisherWithTimerMetricLogP99(String name, Publisher<T> publisher) {
    return publisher;
  }
}
