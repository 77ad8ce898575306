package dev.tfcheck.finding;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pattern over resource instance addresses, in Terraform's own text form, for waivers:
 * {@code module.app["*"].aws_s3_bucket.*}.
 *
 * <p>A glob is parts separated by dots, as an address is ({@code module}, {@code app["eu"]},
 * {@code aws_s3_bucket}, {@code logs[0]}). A part is either {@code **}, which matches any number of
 * whole parts including none, or a name with an optional key:
 * <ul>
 *   <li>in a name, {@code *} matches any run of name characters (letters, digits, {@code _},
 *       {@code -}), never a dot or a bracket;
 *   <li>a name written without a key matches every instance of it, keyed or not, as
 *       {@code terraform -target} does: {@code aws_s3_bucket.logs} covers {@code aws_s3_bucket.logs[0]};
 *   <li>a key narrows: {@code [*]} any index or key (but not the unkeyed instance), {@code [0]} that
 *       index, {@code ["eu-*"]} string keys, where {@code *} matches any characters of the key,
 *       dots and brackets included, and a backslash escapes as in the address ({@code \"}).
 * </ul>
 * Everything else is literal and case-sensitive, and a glob matches the whole address.
 */
public final class AddressGlob {
  private static final String NAME_CHARS = "\\p{L}\\p{N}_\\-";
  /** Any key as an address writes it: an index or a quoted string with backslash escapes. */
  private static final String KEY = "\\[(?:[0-9]+|\"(?:[^\"\\\\]|\\\\.)*\")\\]";
  private static final String ANY_PART = "\\.[" + NAME_CHARS + "]+(?:" + KEY + ")?";

  private final String text;
  private final Pattern pattern;

  private AddressGlob(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  /**
   * Compiles a glob.
   *
   * @throws IllegalArgumentException saying what is wrong with it and where
   */
  public static AddressGlob of(String glob) {
    Objects.requireNonNull(glob, "glob");
    if (glob.isEmpty()) {
      throw new IllegalArgumentException("it is empty");
    }
    return new AddressGlob(glob, Pattern.compile(new Compiler(glob).regex()));
  }

  public boolean matches(String address) {
    // Each part of the regex begins with its dot, so "**" can stand for no part at all.
    return pattern.matcher("." + address).matches();
  }

  @Override
  public String toString() {
    return text;
  }

  /** Turns the glob into a regex over {@code "." + address}, one part at a time. */
  private static final class Compiler {
    private final String glob;
    private final StringBuilder regex = new StringBuilder();
    private int i;

    Compiler(String glob) {
      this.glob = glob;
    }

    String regex() {
      while (true) {
        part();
        if (i == glob.length()) {
          return regex.toString();
        }
        i++; // the dot that part() stopped at
      }
    }

    private void part() {
      int start = i;
      if (glob.startsWith("**", i)) {
        i += 2;
        if (i < glob.length() && glob.charAt(i) != '.') {
          throw error("'**' must be a whole part, as in module.**.aws_s3_bucket.*", start);
        }
        regex.append("(?:").append(ANY_PART).append(")*");
        return;
      }
      regex.append("\\.");
      while (i < glob.length() && glob.charAt(i) != '.' && glob.charAt(i) != '[') {
        char c = glob.charAt(i);
        if (c == '*') {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            throw error("'**' must be a whole part, as in module.**.aws_s3_bucket.*", i);
          }
          regex.append('[').append(NAME_CHARS).append("]*");
        } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
          regex.append(c);
        } else {
          throw error("unexpected '" + c + "' (a name has letters, digits, _ and -, and * for any of them)", i);
        }
        i++;
      }
      if (i == start) {
        throw error("empty part (a dot at an end, or two dots in a row)", i);
      }
      if (i < glob.length() && glob.charAt(i) == '[') {
        key();
        if (i < glob.length() && glob.charAt(i) != '.') {
          throw error("unexpected '" + glob.charAt(i) + "' after a key", i);
        }
      } else {
        regex.append("(?:").append(KEY).append(")?");
      }
    }

    /** {@code [*]}, {@code [0]} or {@code ["text with *"]}; {@code i} is at the '['. */
    private void key() {
      int open = i++;
      if (glob.startsWith("*]", i)) {
        regex.append(KEY);
        i += 2;
        return;
      }
      regex.append("\\[");
      if (i < glob.length() && glob.charAt(i) == '"') {
        regex.append('"');
        i++;
        while (true) {
          if (i >= glob.length()) {
            throw error("unterminated string key", open);
          }
          char c = glob.charAt(i++);
          if (c == '"') {
            break;
          } else if (c == '*') {
            regex.append("(?:[^\"\\\\]|\\\\.)*");
          } else if (c == '\\' && i < glob.length()) {
            regex.append(Pattern.quote("\\" + glob.charAt(i++)));
          } else {
            regex.append(Pattern.quote(String.valueOf(c)));
          }
        }
        regex.append('"');
      } else {
        int digits = i;
        while (i < glob.length() && Character.isDigit(glob.charAt(i))) {
          i++;
        }
        if (i == digits) {
          throw error("a key is *, an index or a quoted string", open);
        }
        regex.append(glob, digits, i);
      }
      if (i >= glob.length() || glob.charAt(i) != ']') {
        throw error("unclosed '['", open);
      }
      regex.append("\\]");
      i++;
    }

    private IllegalArgumentException error(String what, int at) {
      return new IllegalArgumentException(what + " at character " + (at + 1));
    }
  }
}
