package dev.casemail.messaging.inmemory;

import java.util.ArrayDeque;
import java.util.Deque;

/** The inverse of every change a write transaction made, undone in reverse order if it fails. */
final class UndoLog {

  private final Deque<Runnable> undo = new ArrayDeque<>();

  void record(Runnable inverse) {
    undo.push(inverse);
  }

  void rollback() {
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
  }
}
