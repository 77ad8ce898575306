package dev.tfcheck.finding;

import java.util.List;
import java.util.Objects;

/**
 * What a waiver did in one check: the results it waived, or why it waived none.
 *
 * @param waived the addresses of the results it turned into WAIVED
 */
public record WaiverUse(Waiver waiver, Status status, List<String> waived) {
  /** In force and used; expired (itself a failure); in force but matching nothing (a warning). */
  public enum Status { APPLIED, EXPIRED, UNUSED }

  public WaiverUse {
    Objects.requireNonNull(waiver, "waiver");
    Objects.requireNonNull(status, "status");
    waived = List.copyOf(waived);
  }
}
