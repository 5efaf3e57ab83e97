package dev.casemail.messaging.events.dispatcher;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks on a shared executor, those of one key one after another in submission order and never
 * two at once; tasks of different keys run in parallel. This is what keeps one mailbox's events in
 * order, and one recipient's notices from racing each other, on one dispatcher.
 */
final class KeyedSerialExecutor {

  private final Executor executor;
  /** For each key with a task running: the tasks waiting behind it. Guarded by {@code this}. */
  private final Map<String, ArrayDeque<Runnable>> waiting = new HashMap<>();

  KeyedSerialExecutor(Executor executor) {
    this.executor = executor;
  }

  /** Runs the task after every earlier task of the key; a task refused by a stopped executor is dropped. */
  void execute(String key, Runnable task) {
    synchronized (this) {
      ArrayDeque<Runnable> queue = waiting.get(key);
      if (queue != null) {
        queue.add(task);
        return;
      }
      waiting.put(key, new ArrayDeque<>());
    }
    submit(key, task);
  }

  private void submit(String key, Runnable task) {
    try {
      executor.execute(() -> {
        try {
          task.run();
        } finally {
          next(key);
        }
      });
    } catch (RejectedExecutionException stopped) {
      // the dispatcher is stopping: the task's events stay unacknowledged and come back with their lease
      synchronized (this) {
        waiting.remove(key);
      }
    }
  }

  private void next(String key) {
    Runnable task;
    synchronized (this) {
      ArrayDeque<Runnable> queue = waiting.get(key);
      task = queue == null ? null : queue.poll();
      if (task == null) {
        waiting.remove(key);
      }
    }
    if (task != null) {
      submit(key, task);
    }
  }
}
