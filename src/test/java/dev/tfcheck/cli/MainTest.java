package dev.tfcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfcheck.Fixtures;
import dev.tfcheck.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir
  Path dir;

  @Test
  void version() {
    assertEquals(new Invocation(0, "tfcheck " + Version.get() + "\n", ""), Invocation.of("version"));
  }

  @Test
  void checkIsTheDefaultCommand() {
    assertEquals(java.util.List.of("check", "plan.json"), java.util.List.of(Main.withDefaultCommand(new String[] {"plan.json"})));
    assertEquals("inspect", Main.withDefaultCommand(new String[] {"inspect", "p"})[0]);
    assertEquals("help", Main.withDefaultCommand(new String[0])[0]);
  }

  @Test
  void missingPlanIsOneLineAndExit2() {
    Path missing = dir.resolve("missing.json");
    assertEquals(new Invocation(2, "", "tfcheck: " + missing + ": no such file\n"), Invocation.of(missing.toString()));
  }

  @Test
  void directoryIsOneLineAndExit2() {
    assertEquals(new Invocation(2, "", "tfcheck: " + dir + ": is a directory, not a plan file\n"), Invocation.of("check", dir.toString()));
  }

  @Test
  void debugAddsTheStackTrace() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.json"), "");
    Invocation run = Invocation.of("--debug", empty.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().startsWith("tfcheck: " + empty + ": is empty, not a plan"), run.err());
    assertTrue(run.err().contains("at dev.tfcheck.plan.PlanReader"), run.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    Invocation run = Invocation.of("check", "--no-such-option", "plan.json");
    assertEquals(new Invocation(2, "", "tfcheck: Unknown option: '--no-such-option'\nTry 'tfcheck check --help' for usage.\n"), run);
  }

  @Test
  void planWithNoResourcesFailsClosed() throws Exception {
    Path plan = Files.writeString(dir.resolve("empty-plan.json"),
        "{\"format_version\":\"1.2\",\"resource_changes\":[],\"planned_values\":{\"root_module\":{}}}");
    assertEquals(new Invocation(2, "", "tfcheck: " + plan + ": nothing to check: the plan has no resources (--allow-empty accepts that)\n"),
        Invocation.of(plan.toString()));
  }

  @Test
  void inspectShowsResolvedFacts() throws Exception {
    Invocation run = Invocation.of("inspect", Fixtures.path("fixtures/shared-reference/baseline.plan.json").toString());
    assertEquals(0, run.exit(), run.err());
    org.json.JSONObject input = new org.json.JSONObject(run.out());
    org.json.JSONObject task = input.getJSONObject("resources").getJSONObject("module.service.aws_ecs_task_definition.web");
    org.skyscreamer.jsonassert.JSONAssert.assertEquals("""
        {"task": {"address": "module.service.aws_iam_role.task_web", "arn": null, "set": true},
         "execution": {"address": "module.service.aws_iam_role.execution", "arn": null, "set": true}}""",
        task.getJSONObject("roles"), true);
    org.skyscreamer.jsonassert.JSONAssert.assertEquals("""
        {"address": "module.service.aws_iam_role.task_web", "name": "wagtail-prod-ecs-task-web",
         "used_by": [{"address": "module.service.aws_ecs_task_definition.web", "as": "task"}],
         "policies": [
           {"kind": "role_policy", "address": "module.service.aws_iam_role_policy.task_web_media", "known": true,
            "statements": [{"sid": "MediaObjects", "actions": ["s3:getobject", "s3:putobject", "s3:deleteobject", "s3:getobjectattributes"],
                            "resources": ["arn:aws:s3:::wagtail-prod-media-123456789012/*"]},
                           {"sid": "MediaList", "actions": ["s3:listbucket", "s3:getbucketlocation"],
                            "resources": ["arn:aws:s3:::wagtail-prod-media-123456789012"]}]},
           {"kind": "role_policy", "address": "module.service.aws_iam_role_policy.task_web_rds_connect", "known": true,
            "statements": [{"sid": "IamDatabaseAuth", "actions": ["rds-db:connect"], "resources": [], "unknown": ["resources"],
                            "refs": [{"address": "module.database.aws_rds_cluster.this", "attribute": "cluster_resource_id", "field": "resources"}]}]}]}""",
        input.getJSONObject("iam").getJSONObject("roles").getJSONObject("module.service.aws_iam_role.task_web"), false);
    org.skyscreamer.jsonassert.JSONAssert.assertEquals(
        "[\"module.database.aws_rds_cluster_instance.this[0]\",\"module.database.aws_rds_cluster_instance.this[1]\"]",
        input.getJSONObject("resources").getJSONObject("module.database.aws_rds_cluster.this").getJSONArray("cluster_instances"), true);
  }
}
