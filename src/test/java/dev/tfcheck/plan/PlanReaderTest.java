package dev.tfcheck.plan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReaderTest {
  private static final String MINIMAL =
      "{\"format_version\":\"1.2\",\"terraform_version\":\"1.11.4\",\"resource_changes\":[]}";

  @TempDir
  Path dir;

  private final PlanReader reader = new PlanReader(new ByteArrayInputStream(new byte[0]));

  private Path write(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  private String error(byte[] content) throws IOException {
    Path p = write("plan.json", content);
    return assertThrows(PlanException.class, () -> reader.read(p.toString())).getMessage();
  }

  private String error(String content) throws IOException {
    return error(content.getBytes(UTF_8));
  }

  @Test
  void readsAPlanAndHashesItsBytes() throws Exception {
    Path p = write("plan.json", MINIMAL.getBytes(UTF_8));
    Plan plan = reader.read(p.toString());
    assertEquals("1.2", plan.formatVersion());
    assertEquals("1.11.4", plan.terraformVersion());
    assertEquals(List.of(), plan.warnings());
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(MINIMAL.getBytes(UTF_8))),
        plan.sha256());
  }

  @Test
  void readsGzipAndHashesTheCompressedFile() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(MINIMAL.getBytes(UTF_8));
    }
    Path p = write("plan.json.gz", gz.toByteArray());
    Plan plan = reader.read(p.toString());
    assertEquals("1.2", plan.formatVersion());
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gz.toByteArray())),
        plan.sha256());
  }

  /** Without a report that records it, the digest is not computed, and nothing can read it by mistake. */
  @Test
  void readsWithoutTheDigestWhenAskedTo() throws Exception {
    Path p = write("plan.json", MINIMAL.getBytes(UTF_8));
    Plan plan = new PlanReader(new ByteArrayInputStream(new byte[0]), false).read(p.toString());
    assertEquals("1.2", plan.formatVersion());
    IllegalStateException e = assertThrows(IllegalStateException.class, plan::sha256);
    assertEquals(p + " was read without its SHA-256", e.getMessage());
  }

  @Test
  void readsStandardInput() throws Exception {
    Plan plan = new PlanReader(new ByteArrayInputStream(MINIMAL.getBytes(UTF_8))).read("-");
    assertEquals("-", plan.source());
    assertEquals("1.2", plan.formatVersion());
  }

  @Test
  void newerMinorWarns() throws Exception {
    Path p = write("plan.json", MINIMAL.replace("1.2", "1.7").getBytes(UTF_8));
    assertEquals(List.of("format_version 1.7 is newer than the newest tfcheck knows (1.2); reading it as 1.2,"
        + " new fields are ignored"), reader.read(p.toString()).warnings());
  }

  @Test
  void missingFile() {
    PlanException e = assertThrows(PlanException.class, () -> reader.read(dir.resolve("nope.json").toString()));
    assertEquals("no such file", e.getMessage());
  }

  @Test
  void directory() {
    PlanException e = assertThrows(PlanException.class, () -> reader.read(dir.toString()));
    assertEquals("is a directory, not a plan file", e.getMessage());
  }

  @Test
  void emptyFile() throws IOException {
    assertEquals("is empty, not a plan (write one with: terraform show -json PLANFILE > plan.json)", error(""));
  }

  @Test
  void onlyWhitespace() throws IOException {
    assertEquals("holds no JSON value (only whitespace), not a plan", error(" \n\t \n"));
  }

  @Test
  void notJson() throws IOException {
    assertEquals("is not valid JSON at line 1, column 1: Unrecognized token 'hello': was expecting "
        + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')", error("hello world"));
  }

  @Test
  void truncatedJson() throws IOException {
    String msg = error(MINIMAL.substring(0, 40));
    assertEquals("is not valid JSON at line 1, column 41: truncated (the JSON ends early)", msg);
  }

  @Test
  void jsonArray() throws IOException {
    assertEquals("is a JSON array, not a plan (expected the object written by terraform show -json)", error("[1,2]"));
  }

  @Test
  void stateFile() throws IOException {
    assertEquals("is a Terraform state file, not a plan (run: terraform plan -out=tfplan && terraform show -json tfplan)",
        error("{\"version\":4,\"terraform_version\":\"1.11.4\",\"serial\":3,\"lineage\":\"x\",\"outputs\":{},\"resources\":[]}"));
  }

  @Test
  void stateShownAsJson() throws IOException {
    assertEquals("is the JSON of a Terraform state (terraform show -json without a plan file), not a plan",
        error("{\"format_version\":\"1.0\",\"values\":{\"root_module\":{}}}"));
  }

  @Test
  void unsupportedMajorVersion() throws IOException {
    assertEquals("format_version 2.0 is not supported (tfcheck reads 0.1, 0.2 and 1.x); upgrade tfcheck",
        error(MINIMAL.replace("1.2", "2.0")));
  }

  @Test
  void objectWithoutFormatVersion() throws IOException {
    assertEquals("is not a Terraform plan: it has no format_version", error("{\"resource_changes\":[]}"));
  }

  @Test
  void duplicateKeys() throws IOException {
    assertEquals("is not valid JSON at line 1, column 41: Duplicate field 'format_version'",
        error("{\"format_version\":\"1.2\",\"format_version\":\"1.2\",\"resource_changes\":[]}"));
  }

  @Test
  void nestingTooDeep() throws IOException {
    String deep = "{\"format_version\":\"1.2\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    String msg = error(deep);
    assertEquals("is not a plan: its JSON is nested deeper than 1000 levels (Terraform writes a few dozen)", msg);
  }

  @Test
  void binaryGarbage() throws IOException {
    byte[] garbage = new byte[256];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 37 + 11);
    }
    assertEquals("is not valid JSON at line 1, column 2: Illegal character ((CTRL-CHAR, code 11)): only regular "
        + "white space (\\r, \\n, \\t) is allowed between tokens", error(garbage));
  }

  @Test
  void invalidUtf8() throws IOException {
    byte[] bytes = "{\"format_version\":\"1.2\",\"x\":\"\u00ff\"}".getBytes(UTF_8);
    bytes[bytes.length - 4] = (byte) 0xff;
    bytes[bytes.length - 3] = (byte) 0xfe;
    String msg = error(bytes);
    assertEquals("is not valid JSON at line 1, column 31: Invalid UTF-8 start byte 0xff", msg);
  }

  @Test
  void binaryPlanWithoutTerraformOnPath() throws IOException {
    // A zip: what terraform plan -out writes. terraform is not on this test's PATH.
    byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0};
    Path p = write("tfplan", zip);
    PlanReader noTerraform = new PlanReader(new ByteArrayInputStream(new byte[0]), "tfcheck-no-such-terraform", true);
    PlanException e = assertThrows(PlanException.class, () -> noTerraform.read(p.toString()));
    assertEquals("is a binary plan file and terraform is not on PATH to read it (install Terraform, or pass the "
        + "output of terraform show -json)", e.getMessage());
  }
}
