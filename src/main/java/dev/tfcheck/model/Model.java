package dev.tfcheck.model;

import dev.tfcheck.plan.Plan;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;

/** A plan read into resolved facts: resources by full address, and the roles' effective policies. */
public record Model(Plan plan, SortedMap<String, Resource> resources, SortedMap<String, Role> roles) {
  /**
   * The plan's sections that {@link ModelBuilder} reads into resources: most of a plan document (a
   * 100k-resource plan's are ~700 MB of JSON nodes, twice over: planned values repeat the changes).
   */
  private static final Set<String> RESOURCE_SECTIONS =
      Set.of("resource_changes", "planned_values", "prior_state", "configuration");

  public Model {
    resources = Collections.unmodifiableSortedMap(resources);
    roles = Collections.unmodifiableSortedMap(roles);
  }

  /**
   * This model with only the plan's other sections (outputs, checks, drift...), for policies that
   * read the model rather than the plan document: the resource sections can then be collected while
   * a large plan is judged.
   */
  public Model withoutResourceSections() {
    return new Model(plan.without(RESOURCE_SECTIONS), resources, roles);
  }
}
