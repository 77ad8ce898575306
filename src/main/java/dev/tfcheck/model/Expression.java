package dev.tfcheck.model;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the configuration sets at one attribute path of a resource.
 *
 * @param constant a literal value is configured (the literal itself is never kept: it may be a secret)
 * @param block the path is a nested block instance
 * @param refs the resource instances the expression references, resolved across modules
 * @param unresolved references that lead to no resource (root variables, locals, each/count, ...)
 */
public record Expression(boolean constant, boolean block, SortedSet<Ref> refs, SortedSet<String> unresolved) {
  /** A nested block instance: what its attributes set are expressions of their own. */
  static final Expression BLOCK = new Expression(false, true, Collections.emptySortedSet(), Collections.emptySortedSet());

  public Expression {
    refs = copy(refs);
    unresolved = copy(unresolved);
  }

  /** Most expressions reference nothing: they share the empty set (a large plan has hundreds of thousands). */
  private static <T> SortedSet<T> copy(SortedSet<T> set) {
    return set.isEmpty() ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(set));
  }
}
