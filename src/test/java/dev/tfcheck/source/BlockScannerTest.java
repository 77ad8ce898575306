package dev.tfcheck.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfcheck.source.BlockScanner.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as a top-level block, and what does not: comments, heredocs, strings, nested blocks. */
class BlockScannerTest {
  @Test
  void findsTopLevelBlocksWithTheirLinesAndModuleSources() {
    String tf = """
        # resource "aws_s3_bucket" "in_a_comment" {
        resource "aws_s3_bucket" "logs" {
          bucket = "logs"
          policy = <<EOF
        resource "aws_s3_bucket" "in_a_heredoc" {
        EOF
        }
        /* resource "aws_sqs_queue" "in_a_block_comment" {
        } */
        data "aws_iam_policy_document" "p" {
          statement { actions = ["s3:*"] }
        }
        module "db" {
          name   = "resource \\"x\\" \\"in_a_string\\" {"
          source = "./modules/db"
        }
        resource aws_kms_key unquoted {
          description = "${var.a == "}" ? "{" : "/*"}"
        }
        // resource "aws_sqs_queue" "in_a_line_comment" {
        resource "aws_sqs_queue" "after_an_interpolation" {}
        """;
    assertEquals(List.of(
        new Block("resource", List.of("aws_s3_bucket", "logs"), 2, null),
        new Block("data", List.of("aws_iam_policy_document", "p"), 10, null),
        new Block("module", List.of("db"), 13, "./modules/db"),
        new Block("resource", List.of("aws_kms_key", "unquoted"), 17, null),
        new Block("resource", List.of("aws_sqs_queue", "after_an_interpolation"), 21, null)), BlockScanner.scan(tf));
  }

  @Test
  void blocksNestedInOthersAreNotTopLevel() {
    String tf = """
        resource "aws_lb_listener" "l" {
          dynamic "default_action" {
            content {
        resource "aws_s3_bucket" "unindented_inside_a_block" {
        }
            }
          }
        }
        module "net" { source = "../network" }
        """;
    assertEquals(List.of(
        new Block("resource", List.of("aws_lb_listener", "l"), 1, null),
        new Block("module", List.of("net"), 9, "../network")), BlockScanner.scan(tf));
  }

  @Test
  void indentedHeredocsWithUnbalancedBracesDoNotShiftTheDepth() {
    String tf = """
        variable "v" {
          description = <<-EOT
            { unbalanced {{ braces, and a line that looks like a block:
            resource "aws_s3_bucket" "in_an_indented_heredoc" {
            EOT
        }
        resource "aws_s3_bucket" "after" {
          tags = { Name = "a }" }
        }
        module "remote" {
          source  = "terraform-aws-modules/vpc/aws"
          version = "5.0.0"
        }
        """;
    assertEquals(List.of(
        new Block("resource", List.of("aws_s3_bucket", "after"), 7, null),
        new Block("module", List.of("remote"), 10, "terraform-aws-modules/vpc/aws")), BlockScanner.scan(tf));
  }

  @Test
  void windowsLineEndings() {
    String tf = "# a comment\r\nresource \"aws_s3_bucket\" \"b\" {\r\n  bucket = \"b\"\r\n}\r\nmodule \"m\" {\r\n"
        + "  source = \"./m\"\r\n}\r\n";
    assertEquals(List.of(
        new Block("resource", List.of("aws_s3_bucket", "b"), 2, null),
        new Block("module", List.of("m"), 5, "./m")), BlockScanner.scan(tf));
  }
}
