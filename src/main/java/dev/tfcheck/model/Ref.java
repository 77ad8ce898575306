package dev.tfcheck.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A reference resolved to a concrete resource instance.
 *
 * @param address the instance referenced
 * @param type its resource type
 * @param attribute the attribute referenced ({@code arn}, {@code access_logs.0.bucket}), {@code ""} for the whole resource
 */
public record Ref(String address, String type, String attribute) implements Comparable<Ref> {
  private static final Comparator<Ref> ORDER =
      Comparator.comparing(Ref::address).thenComparing(Ref::attribute);

  public Ref {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(attribute, "attribute");
  }

  @Override
  public int compareTo(Ref other) {
    return ORDER.compare(this, other);
  }
}
