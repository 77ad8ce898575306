package dev.tfcheck.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads {@code terraform show -json} output (plain or gzip-compressed) or a binary plan file
 * (through {@code terraform show -json}), and refuses, in one line, anything that is not a plan.
 */
public final class PlanReader {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final Pattern NESTING = Pattern.compile("nesting depth \\(\\d+\\) exceeds the maximum allowed \\((\\d+)");
  private static final Pattern NUMBER_LENGTH = Pattern.compile("Number value length \\(\\d+\\) exceeds the maximum allowed \\((\\d+)");

  private final InputStream stdin;
  private final String terraform;
  private final boolean digest;

  /** A reader that computes each plan's SHA-256. */
  public PlanReader(InputStream stdin) {
    this(stdin, true);
  }

  public PlanReader(InputStream stdin, boolean digest) {
    this(stdin, "terraform", digest);
  }

  /**
   * @param terraform the command that renders binary plans ({@code terraform}, or {@code tofu})
   * @param digest whether to compute each plan's SHA-256: without the CPU's SHA instructions (C1
   *     has none) it is ~12 ms of CPU per MB, on a thread beside the parse, and the text and
   *     Markdown reports do not show it
   */
  public PlanReader(InputStream stdin, String terraform, boolean digest) {
    this.stdin = stdin;
    this.terraform = terraform;
    this.digest = digest;
  }

  /** Reads the plan named {@code source}: a path, or {@code -} for standard input. */
  public Plan read(String source) throws PlanException {
    if ("-".equals(source)) {
      return read(source, stdin);
    }
    Path path = Path.of(source);
    if (Files.isDirectory(path)) {
      throw new PlanException("is a directory, not a plan file");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return read(source, in);
    } catch (NoSuchFileException e) {
      throw new PlanException("no such file");
    } catch (AccessDeniedException e) {
      throw new PlanException("permission denied");
    } catch (IOException e) {
      throw new PlanException("cannot read: " + e.getMessage(), e);
    }
  }

  private Plan read(String source, InputStream raw) throws PlanException {
    HashingInputStream hashing = digest ? new HashingInputStream(raw) : null;
    BufferedInputStream in = new BufferedInputStream(digest ? hashing : raw, 1 << 16);
    try {
      in.mark(4);
      int b1 = in.read();
      int b2 = in.read();
      int b3 = in.read();
      int b4 = in.read();
      in.reset();
      if (b1 == -1) {
        throw new PlanException("is empty, not a plan (write one with: terraform show -json PLANFILE > plan.json)");
      }
      InputStream json = in;
      if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
        json = new GZIPInputStream(in, 1 << 16);
      } else if (b1 == 'P' && b2 == 'K' && b3 == 3 && b4 == 4) {
        json = new ByteArrayInputStream(terraformShow(source));
      }
      JsonNode root = parse(json);
      if (hashing == null) {
        return validate(source, null, root);
      }
      in.transferTo(OutputStream.nullOutputStream()); // digest every byte, even after a gzip trailer
      return validate(source, hashing.sha256(), root);
    } catch (IOException | UncheckedIOException e) {
      throw new PlanException("cannot read: " + oneLine(e.getMessage()), e);
    } finally {
      if (hashing != null) {
        hashing.stop();
      }
    }
  }

  private static JsonNode parse(InputStream in) throws PlanException, IOException {
    try {
      JsonNode root = Json.MAPPER.readTree(in);
      if (root == null || root.isMissingNode()) {
        throw new PlanException("holds no JSON value (only whitespace), not a plan");
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw new PlanException("is not a plan: " + constraint(oneLine(e.getOriginalMessage())), e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String what = oneLine(e.getOriginalMessage());
      if (what.contains("end-of-input") || what.contains("end of input")) {
        what = "truncated (the JSON ends early)";
      }
      throw new PlanException("is not valid JSON" + where + ": " + what, e);
    }
  }

  /** Jackson's limit messages name its own classes: say what was too much, in the user's terms. */
  private static String constraint(String message) {
    Matcher depth = NESTING.matcher(message);
    if (depth.find()) {
      return "its JSON is nested deeper than " + depth.group(1) + " levels (Terraform writes a few dozen)";
    }
    Matcher number = NUMBER_LENGTH.matcher(message);
    if (number.find()) {
      return "it holds a number of more than " + number.group(1) + " digits";
    }
    return message;
  }

  private static Plan validate(String source, String sha256, JsonNode root) throws PlanException {
    if (!root.isObject()) {
      throw new PlanException("is a JSON " + root.getNodeType().toString().toLowerCase()
          + ", not a plan (expected the object written by terraform show -json)");
    }
    ObjectNode plan = (ObjectNode) root;
    if (plan.has("lineage") && plan.has("serial") && plan.has("resources")) {
      throw new PlanException("is a Terraform state file, not a plan (run: terraform plan -out=tfplan && terraform show -json tfplan)");
    }
    JsonNode version = plan.get("format_version");
    if (version == null || !version.isTextual()) {
      throw new PlanException("is not a Terraform plan: it has no format_version");
    }
    if (!plan.has("resource_changes") && !plan.has("planned_values")) {
      if (plan.has("values")) {
        throw new PlanException("is the JSON of a Terraform state (terraform show -json without a plan file), not a plan");
      }
      throw new PlanException("is not a Terraform plan: it has neither resource_changes nor planned_values");
    }
    List<Address> changed = checkAddresses(plan.path("resource_changes"), "resource_changes");
    checkStateAddresses(plan.path("prior_state").path("values").path("root_module"), "prior_state");
    checkStateAddresses(plan.path("planned_values").path("root_module"), "planned_values");
    List<String> warnings = new ArrayList<>();
    String warning = FormatVersion.check(version.asText());
    if (warning != null) {
      warnings.add(warning);
    }
    String mismatch = configurationMismatch(plan, changed);
    if (mismatch != null) {
      warnings.add(mismatch);
    }
    JsonNode tf = plan.get("terraform_version");
    return new Plan(source, sha256, plan, version.asText(), tf != null && tf.isTextual() ? tf.asText() : null, warnings);
  }

  /**
   * Every resource must have an address, or the fields that make one (as the model reads them:
   * the address, else module_address, mode, type, name and index). Found by fuzzing: a mode that is
   * neither managed nor data reached the model as an internal error.
   */
  private static List<Address> checkAddresses(JsonNode resources, String where) throws PlanException {
    List<Address> addresses = new ArrayList<>();
    int i = 0;
    for (JsonNode r : resources) {
      try {
        addresses.add(Address.parse(r.path("address").asText()));
      } catch (IllegalArgumentException notAnAddress) {
        try {
          JsonNode index = r.get("index");
          addresses.add(new Address(Address.parseModulePath(r.path("module_address").asText("")),
              r.path("mode").asText("managed"), r.path("type").asText(), r.path("name").asText(),
              index == null || index.isNull() ? null : index.isNumber() ? (Object) index.asLong() : index.asText()));
        } catch (IllegalArgumentException e) {
          throw new PlanException("is not a plan Terraform wrote: " + where + "[" + i + "] has no resource address "
              + "(address " + Address.quote(r.path("address").asText()) + ": " + oneLine(notAnAddress.getMessage()) + ")", e);
        }
      }
      i++;
    }
    return addresses;
  }

  private static void checkStateAddresses(JsonNode module, String where) throws PlanException {
    checkAddresses(module.path("resources"), where);
    for (JsonNode child : module.path("child_modules")) {
      checkStateAddresses(child, where);
    }
  }

  /**
   * Terraform writes the configuration of every resource it plans to keep, create or change: one
   * without it means the file was edited or stitched together. It is still judged (resource_changes
   * is the truth), but rules that tell an explicit setting from a provider default read every
   * attribute of such a resource as left to the default, so the user is told.
   */
  private static String configurationMismatch(ObjectNode plan, List<Address> changed) {
    JsonNode root = plan.path("configuration").path("root_module");
    if (!root.isObject()) {
      return null; // older or filtered plans carry no configuration: nothing to disagree with
    }
    Set<String> configured = new HashSet<>();
    collectConfigured(root, "", configured);
    List<String> missing = new ArrayList<>();
    int i = 0;
    for (JsonNode rc : plan.path("resource_changes")) {
      Address address = changed.get(i++);
      Set<String> actions = new HashSet<>();
      rc.path("change").path("actions").forEach(a -> actions.add(a.asText()));
      boolean leaving = actions.contains("forget") || actions.contains("delete") && !actions.contains("create");
      if (!leaving && !configured.contains(address.configAddress())) {
        missing.add(address.toString());
      }
    }
    if (missing.isEmpty()) {
      return null;
    }
    return "configuration disagrees with resource_changes: " + missing.size() + " of the resources to keep or change "
        + "have no configuration (" + String.join(", ", missing.subList(0, Math.min(3, missing.size())))
        + (missing.size() > 3 ? ", ..." : "") + "); their attributes are judged as not set explicitly";
  }

  private static void collectConfigured(JsonNode module, String prefix, Set<String> out) {
    module.path("resources").forEach(r -> out.add(prefix + r.path("address").asText()));
    module.path("module_calls").fields().forEachRemaining(call ->
        collectConfigured(call.getValue().path("module"), prefix + "module." + call.getKey() + ".", out));
  }

  /** A binary plan: ask Terraform to render it, from the plan's directory (where it was initialised). */
  private byte[] terraformShow(String source) throws PlanException, IOException {
    if ("-".equals(source)) {
      throw new PlanException("is a binary plan file; pass it by path, or pipe terraform show -json instead");
    }
    Path plan = Path.of(source).toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder(terraform, "show", "-json", plan.toString())
        .directory(plan.getParent().toFile())
        .redirectError(ProcessBuilder.Redirect.PIPE);
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new PlanException("is a binary plan file and terraform is not on PATH to read it "
          + "(install Terraform, or pass the output of terraform show -json)");
    }
    process.getOutputStream().close();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread errDrain = new Thread(() -> drain(process.getErrorStream()));
    errDrain.start();
    process.getInputStream().transferTo(out);
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new PlanException("is a binary plan file and terraform show -json did not finish in 5 minutes");
      }
      errDrain.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlanException("interrupted while running terraform show -json");
    }
    if (process.exitValue() != 0) {
      throw new PlanException("is a binary plan file and terraform show -json failed (exit " + process.exitValue()
          + "); run it in the directory where the plan was made");
    }
    return out.toByteArray();
  }

  private static void drain(InputStream in) {
    try (in) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException ignored) {
      // stderr of a failed terraform is summarised by its exit code
    }
  }

  static String oneLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
