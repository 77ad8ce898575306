package dev.tfcheck.report;

/**
 * One output format. Renders a whole run to text: deterministic (the same run gives the same
 * bytes), with "\n" line ends, never containing a sensitive value (the model masked them all).
 */
public interface Report {
  String render(Run run);
}
