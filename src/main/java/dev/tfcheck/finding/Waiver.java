package dev.tfcheck.finding;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An accepted exception, from {@code .tfcheck.yaml}: results of {@code rule} on resources whose
 * address matches {@code address} (a glob) are WAIVED until {@code expires}, for {@code reason},
 * on {@code owner}'s word.
 */
public record Waiver(String rule, String address, String reason, String owner, LocalDate expires) {
  public Waiver {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(expires, "expires");
  }
}
