package dev.tfcheck.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A reference as Terraform writes it in {@code references}: {@code aws_subnet.private[0].id},
 * {@code module.app["eu"].bucket}, {@code var.tags}. Parsed into name and index steps.
 */
final class Traversal {
  /** A {@code .name} step (index null) or a {@code [index]} step (name null; Long or String). */
  record Step(String name, Object index) {
    boolean isIndex() {
      return name == null;
    }
  }

  private Traversal() {}

  static List<Step> parse(String text) {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    int n = text.length();
    boolean expectName = true;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '[') {
        int close;
        if (i + 1 < n && text.charAt(i + 1) == '"') {
          StringBuilder sb = new StringBuilder();
          int j = i + 2;
          while (j < n && text.charAt(j) != '"') {
            if (text.charAt(j) == '\\' && j + 1 < n) {
              j++;
            }
            sb.append(text.charAt(j++));
          }
          if (j + 1 >= n || text.charAt(j + 1) != ']') {
            throw new IllegalArgumentException("bad key in " + text);
          }
          steps.add(new Step(null, sb.toString()));
          close = j + 1;
        } else {
          close = text.indexOf(']', i);
          if (close < 0) {
            throw new IllegalArgumentException("bad index in " + text);
          }
          String inner = text.substring(i + 1, close);
          try {
            steps.add(new Step(null, Long.parseLong(inner)));
          } catch (NumberFormatException e) {
            steps.add(new Step(null, inner)); // e.g. [count.index]: kept, never matches an instance
          }
        }
        i = close + 1;
        expectName = false;
      } else if (c == '.') {
        i++;
        expectName = true;
      } else {
        if (!expectName) {
          throw new IllegalArgumentException("unexpected text in " + text);
        }
        int j = i;
        while (j < n && text.charAt(j) != '.' && text.charAt(j) != '[') {
          j++;
        }
        steps.add(new Step(text.substring(i, j), null));
        i = j;
        expectName = false;
      }
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("empty reference");
    }
    return steps;
  }
}
