package dev.casemail.messaging.api;

import java.util.List;
import org.immutables.value.Value;

/**
 * A family in the acting participant's My Cases: for a practitioner every family with a parent they
 * have an access link with (so the other parent of a family can be asked for access too), for a parent
 * every family they belong to.
 */
@Value.Immutable
public abstract class CaseView {

  CaseView() {}

/** The family. */
public abstract FamilyId family();

/** The family's name. */
public abstract String name();

/** Its parents with the acting practitioner's access status, ordered by display name. */
public abstract List<CaseMember> members();

  /** A builder, for the library and for hosts' own tests. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CaseView}. */
  public static final class Builder extends ImmutableCaseView.Builder {}
}
