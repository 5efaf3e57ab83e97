package dev.casemail.messaging.inmemory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inverse of every change a write transaction made, undone in reverse order if it fails. Every
 * write to the stored collections goes through these methods, so none can forget its inverse. A
 * read-only transaction has no log ({@link #READ_ONLY}) and refuses every write.
 */
final class UndoLog {

  /** The log of a read-only transaction: every write through it fails. */
  static final UndoLog READ_ONLY = new UndoLog(false);

  private final Deque<Runnable> undo = new ArrayDeque<>();
  private final boolean writable;

  private UndoLog(boolean writable) {
    this.writable = writable;
  }

  /** The log of a new write transaction. */
  static UndoLog forWrite() {
    return new UndoLog(true);
  }

  /**
   * Records how to take back a change. Call it before making the change, so that a read-only
   * transaction refuses the write before anything has changed.
   */
  void record(Runnable inverse) {
    writable();
    undo.push(inverse);
  }

  /** Puts {@code value} under {@code key}, recording how to restore what was there. */
  <K, V> void put(Map<K, V> map, K key, V value) {
    writable();
    boolean had = map.containsKey(key);
    V previous = map.put(key, value);
    undo.push(() -> {
      if (had) {
        map.put(key, previous);
      } else {
        map.remove(key);
      }
    });
  }

  <K, V> void remove(Map<K, V> map, K key) {
    writable();
    if (map.containsKey(key)) {
      V previous = map.remove(key);
      undo.push(() -> map.put(key, previous));
    }
  }

  <T> void add(Set<T> set, T element) {
    writable();
    if (set.add(element)) {
      undo.push(() -> set.remove(element));
    }
  }

  <T> void remove(Set<T> set, T element) {
    writable();
    if (set.remove(element)) {
      undo.push(() -> set.add(element));
    }
  }

  /** Appends {@code element} to the end of {@code list}. */
  <T> void append(List<T> list, T element) {
    writable();
    list.add(element);
    undo.push(() -> list.remove(list.size() - 1));
  }

  /** Replaces the element at {@code index} of {@code list}. */
  <T> void set(List<T> list, int index, T element) {
    writable();
    T previous = list.set(index, element);
    undo.push(() -> list.set(index, previous));
  }

  void rollback() {
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
  }

  private void writable() {
    if (!writable) {
      throw new IllegalStateException("a read-only transaction cannot change the store");
    }
  }
}
