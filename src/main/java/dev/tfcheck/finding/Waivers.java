package dev.tfcheck.finding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Applies the waivers of {@code .tfcheck.yaml} to the results of one check.
 *
 * <p>A waiver is in force up to and including its {@code expires} date. In force, it turns every
 * FAIL or UNKNOWN of its rule on a matching address into WAIVED, the message kept and followed by
 * {@code "; waived until DATE by OWNER: REASON"}; when two waivers match one result, the first in
 * the file waives it. Expired, it waives nothing and is itself a FAIL of rule
 * {@value #EXPIRED_RULE}, whether or not it still matches anything: the date is the control the
 * owner signed up to, one configuration serves several plans, and an exception nobody renews must
 * not linger because today's plan happens not to contain what it covered.
 */
public final class Waivers {
  /** The rule of the FAIL an expired waiver gives, at the address glob of the waiver. */
  public static final String EXPIRED_RULE = "TFC-WAIVER-EXPIRED";

  private final List<Waiver> waivers;
  private final List<AddressGlob> globs;
  private final LocalDate today;
  private final Function<String, Severity> severityOf;

  /**
   * @param today the date that decides which waivers are in force
   * @param severityOf the severity of a rule by ID: an expired waiver fails with the severity of the
   *     rule it waived, so {@code --fail-on} weighs it as it would the findings it hid
   */
  public Waivers(List<Waiver> waivers, LocalDate today, Function<String, Severity> severityOf) {
    this.waivers = List.copyOf(waivers);
    this.today = Objects.requireNonNull(today, "today");
    this.severityOf = Objects.requireNonNull(severityOf, "severityOf");
    List<AddressGlob> compiled = new ArrayList<>(this.waivers.size());
    for (Waiver w : this.waivers) {
      compiled.add(AddressGlob.of(w.address()));
    }
    this.globs = List.copyOf(compiled);
  }

  /** No waivers: results pass through unchanged. */
  public static Waivers none() {
    return new Waivers(List.of(), LocalDate.EPOCH, id -> Severity.HIGH);
  }

  /** The results with the waivers applied, and what each waiver did, in the file's order. */
  public record Applied(List<Result> results, List<WaiverUse> uses) {
    public Applied {
      results = List.copyOf(results);
      uses = List.copyOf(uses);
    }
  }

  public Applied apply(List<Result> results) {
    List<SortedSet<String>> waived = new ArrayList<>(waivers.size());
    waivers.forEach(w -> waived.add(new TreeSet<>()));
    List<Result> out = new ArrayList<>(results.size() + waivers.size());
    for (Result r : results) {
      int i = waiverOf(r);
      if (i < 0) {
        out.add(r);
        continue;
      }
      Waiver w = waivers.get(i);
      waived.get(i).add(r.address());
      out.add(r.withOutcome(Outcome.WAIVED, r.message() + "; waived until " + w.expires() + " by " + w.owner()
          + ": " + w.reason()));
    }
    List<WaiverUse> uses = new ArrayList<>(waivers.size());
    for (int i = 0; i < waivers.size(); i++) {
      Waiver w = waivers.get(i);
      if (expired(w)) {
        uses.add(new WaiverUse(w, WaiverUse.Status.EXPIRED, List.of()));
        out.add(new Result(EXPIRED_RULE, severityOf.apply(w.rule()), w.address(), Outcome.FAIL, "",
            name(i, w) + " expired after " + w.expires() + ": fix what it waives, or have " + w.owner()
                + " renew it with a later date"));
      } else {
        uses.add(new WaiverUse(w, waived.get(i).isEmpty() ? WaiverUse.Status.UNUSED : WaiverUse.Status.APPLIED,
            List.copyOf(waived.get(i))));
      }
    }
    out.sort(Result.BY_RULE);
    return new Applied(out, uses);
  }

  /** The index of the first waiver in force that covers the result, or -1. */
  private int waiverOf(Result r) {
    if (r.outcome() != Outcome.FAIL && r.outcome() != Outcome.UNKNOWN) {
      return -1;
    }
    for (int i = 0; i < waivers.size(); i++) {
      Waiver w = waivers.get(i);
      if (w.rule().equals(r.ruleId()) && !expired(w) && globs.get(i).matches(r.address())) {
        return i;
      }
    }
    return -1;
  }

  private boolean expired(Waiver w) {
    return today.isAfter(w.expires());
  }

  /** How messages name a waiver: {@code waiver 2 (TFC-RDS-001 module.db.*)}, counting from 1 in the file. */
  public static String name(int index, Waiver w) {
    return "waiver " + (index + 1) + " (" + w.rule() + " " + w.address() + ")";
  }

  /**
   * The waivers in force that matched nothing in any of the checks, named as {@link #name} does,
   * leaving out those of rules the run did not judge ({@code --only}, {@code --skip}): matching
   * nothing there says nothing about whether they are still needed.
   */
  public static List<String> unused(List<CheckResult> checks, Set<String> judgedRules) {
    List<String> out = new ArrayList<>();
    if (checks.isEmpty()) {
      return out;
    }
    List<WaiverUse> first = checks.get(0).waivers();
    for (int i = 0; i < first.size(); i++) {
      Waiver w = first.get(i).waiver();
      boolean unusedEverywhere = true;
      for (CheckResult c : checks) {
        unusedEverywhere &= c.waivers().get(i).status() == WaiverUse.Status.UNUSED;
      }
      if (unusedEverywhere && judgedRules.contains(w.rule())) {
        out.add(name(i, w));
      }
    }
    return out;
  }
}
