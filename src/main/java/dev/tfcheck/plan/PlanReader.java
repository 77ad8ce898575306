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
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Reads {@code terraform show -json} output (plain or gzip-compressed) or a binary plan file
 * (through {@code terraform show -json}), and refuses, in one line, anything that is not a plan.
 */
public final class PlanReader {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;

  private final InputStream stdin;
  private final String terraform;

  public PlanReader(InputStream stdin) {
    this(stdin, "terraform");
  }

  /** With the command that renders binary plans ({@code terraform}, or {@code tofu}). */
  public PlanReader(InputStream stdin, String terraform) {
    this.stdin = stdin;
    this.terraform = terraform;
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
    MessageDigest sha256 = sha256();
    BufferedInputStream in = new BufferedInputStream(new DigestInputStream(raw, sha256), 1 << 16);
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
      in.transferTo(OutputStream.nullOutputStream()); // digest every byte, even after a gzip trailer
      return validate(source, HexFormat.of().formatHex(sha256.digest()), root);
    } catch (IOException | UncheckedIOException e) {
      throw new PlanException("cannot read: " + oneLine(e.getMessage()), e);
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
      throw new PlanException("is not a plan: " + oneLine(e.getOriginalMessage()), e);
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
    List<String> warnings = new ArrayList<>();
    String warning = FormatVersion.check(version.asText());
    if (warning != null) {
      warnings.add(warning);
    }
    JsonNode tf = plan.get("terraform_version");
    return new Plan(source, sha256, plan, version.asText(), tf != null && tf.isTextual() ? tf.asText() : null, warnings);
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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
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
