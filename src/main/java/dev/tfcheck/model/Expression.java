package dev.tfcheck.model;

import java.util.SortedSet;

/**
 * What the configuration sets at one attribute path of a resource.
 *
 * @param constant a literal value is configured (the literal itself is never kept: it may be a secret)
 * @param block the path is a nested block instance
 * @param refs the resource instances the expression references, resolved across modules
 * @param unresolved references that lead to no resource (root variables, locals, each/count, ...)
 */
public record Expression(boolean constant, boolean block, SortedSet<Ref> refs, SortedSet<String> unresolved) {
  public Expression {
    refs = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(refs));
    unresolved = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(unresolved));
  }
}
