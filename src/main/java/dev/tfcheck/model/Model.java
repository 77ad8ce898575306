package dev.tfcheck.model;

import dev.tfcheck.plan.Plan;
import java.util.Collections;
import java.util.SortedMap;

/** A plan read into resolved facts: resources by full address, and the roles' effective policies. */
public record Model(Plan plan, SortedMap<String, Resource> resources, SortedMap<String, Role> roles) {
  public Model {
    resources = Collections.unmodifiableSortedMap(resources);
    roles = Collections.unmodifiableSortedMap(roles);
  }
}
