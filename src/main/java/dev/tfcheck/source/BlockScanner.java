package dev.tfcheck.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the top-level {@code resource}, {@code data} and {@code module} blocks of one {@code .tf}
 * file, with their lines, and each module call's {@code source}. Not an HCL parser: it only needs to
 * know what is code. Comments, heredoc bodies and the insides of strings are set aside first, so a
 * {@code resource "x" "y" {} } inside a heredoc, a comment or an interpolated string is not taken for
 * a block, and braces there do not count towards nesting.
 */
final class BlockScanner {
  /** A top-level block: {@code keyword} is resource, data or module; {@code source} only for modules. */
  record Block(String keyword, List<String> labels, int line, String source) {
    Block {
      labels = List.copyOf(labels);
    }
  }

  private static final Pattern HEADER = Pattern.compile(
      "\\s*(resource|data|module)((?:\\s+(?:\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_-]*))+)\\s*\\{(.*)");
  private static final Pattern LABEL = Pattern.compile("\"([^\"]*)\"|([A-Za-z_][A-Za-z0-9_-]*)");
  private static final Pattern SOURCE = Pattern.compile("(?:^|[\\s{])source\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern HEREDOC = Pattern.compile("<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \\t]*\\r?$");

  private BlockScanner() {}

  static List<Block> scan(String text) {
    List<Line> lines = code(text);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      Matcher header = line.depth() == 0 ? HEADER.matcher(line.code()) : null;
      if (header == null || !header.matches()) {
        continue;
      }
      List<String> labels = new ArrayList<>();
      Matcher label = LABEL.matcher(header.group(2));
      while (label.find()) {
        labels.add(label.group(1) != null ? label.group(1) : label.group(2));
      }
      String keyword = header.group(1);
      if (labels.size() != (keyword.equals("module") ? 1 : 2)) {
        continue;
      }
      String source = null;
      if (keyword.equals("module")) {
        source = source(header.group(3));
        for (int j = i + 1; source == null && j < lines.size() && lines.get(j).depth() > 0; j++) {
          if (lines.get(j).depth() == 1) {
            source = source(lines.get(j).code());
          }
        }
      }
      blocks.add(new Block(keyword, labels, i + 1, source));
    }
    return blocks;
  }

  private static String source(String code) {
    Matcher m = SOURCE.matcher(code);
    return m.find() ? m.group(1) : null;
  }

  /** One line as code: comments and heredoc bodies blanked; {@code depth} is the brace depth at its start. */
  record Line(String code, int depth) {}

  private enum Mode { CODE, STRING, LINE_COMMENT, BLOCK_COMMENT, HEREDOC }

  /**
   * The code view of a file. Strings keep their text (labels and module sources are strings), but
   * their braces, and those of the templates interpolated in them, do not change the depth.
   */
  static List<Line> code(String text) {
    List<Line> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    // Brace counts of the ${...} and %{...} templates open inside strings, innermost last.
    Deque<int[]> templates = new ArrayDeque<>();
    Mode mode = Mode.CODE;
    String heredoc = null;
    String pendingHeredoc = null;
    int depth = 0;
    int lineDepth = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
        continue;
      }
      if (c == '\n') {
        lines.add(new Line(line.toString(), lineDepth));
        line.setLength(0);
        lineDepth = depth;
        if (mode == Mode.LINE_COMMENT || mode == Mode.STRING) {
          mode = Mode.CODE; // a quoted string cannot span lines: recover at the next one
        }
        if (pendingHeredoc != null) {
          heredoc = pendingHeredoc;
          pendingHeredoc = null;
          mode = Mode.HEREDOC;
        }
        continue;
      }
      char next = i + 1 < n ? text.charAt(i + 1) : '\0';
      switch (mode) {
        case HEREDOC -> {
          int end = text.indexOf('\n', i);
          end = end < 0 ? n : end;
          if (text.substring(i, end).strip().equals(heredoc)) {
            mode = Mode.CODE;
            heredoc = null;
          }
          line.append(" ".repeat(end - i));
          i = end - 1;
        }
        case LINE_COMMENT -> line.append(' ');
        case BLOCK_COMMENT -> {
          if (c == '*' && next == '/') {
            mode = Mode.CODE;
            line.append("  ");
            i++;
          } else {
            line.append(' ');
          }
        }
        case STRING -> {
          if (c == '\\' && next != '\0' && next != '\n') {
            line.append(c).append(next);
            i++;
          } else if (c == '"') {
            mode = Mode.CODE;
            line.append(c);
          } else if ((c == '$' || c == '%') && next == c && i + 2 < n && text.charAt(i + 2) == '{') {
            line.append(c).append(next).append('{'); // $${ and %%{ are literal text
            i += 2;
          } else if ((c == '$' || c == '%') && next == '{') {
            templates.push(new int[] {0});
            mode = Mode.CODE;
            line.append(c).append(next);
            i++;
          } else {
            line.append(c);
          }
        }
        case CODE -> {
          if (c == '#' || (c == '/' && next == '/')) {
            mode = Mode.LINE_COMMENT;
            line.append(' ');
          } else if (c == '/' && next == '*') {
            mode = Mode.BLOCK_COMMENT;
            line.append("  ");
            i++;
          } else if (c == '"') {
            mode = Mode.STRING;
            line.append(c);
          } else if (c == '<' && next == '<') {
            int end = text.indexOf('\n', i);
            end = end < 0 ? n : end;
            Matcher m = HEREDOC.matcher(text.substring(i, end));
            if (m.matches()) {
              pendingHeredoc = m.group(1);
              line.append(" ".repeat(end - i));
              i = end - 1;
            } else {
              line.append(c);
            }
          } else if (c == '{') {
            if (templates.isEmpty()) {
              depth++;
            } else {
              templates.peek()[0]++;
            }
            line.append(c);
          } else if (c == '}') {
            if (templates.isEmpty()) {
              depth = Math.max(0, depth - 1);
            } else if (templates.peek()[0] == 0) {
              templates.pop();
              mode = Mode.STRING;
            } else {
              templates.peek()[0]--;
            }
            line.append(c);
          } else {
            line.append(c);
          }
        }
      }
    }
    lines.add(new Line(line.toString(), lineDepth));
    return lines;
  }
}
