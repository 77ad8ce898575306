package dev.tfcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {
  private static TreeMap<String, List<String>> principals(String type, String... ids) {
    TreeMap<String, List<String>> m = new TreeMap<>();
    m.put(type, List.of(ids));
    return m;
  }

  @Test
  void singleStatementObjectWithStringElements() {
    List<Statement> s = PolicyDocuments.parseJson("""
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"DynamoDB:GetItem","Resource":"*"}}""");
    assertEquals(List.of(new Statement(null, "Allow", List.of("dynamodb:getitem"), null, List.of("*"), null, null, null,
        List.of(), new TreeSet<>(), List.of())), s);
  }

  @Test
  void arraysNotActionNotResourceAndMissingEffect() {
    List<Statement> s = PolicyDocuments.parseJson("""
        {"Statement":[{"Sid":"A","NotAction":["iam:*","Organizations:*"],"NotResource":["arn:aws:s3:::x","arn:aws:s3:::y"]}]}""");
    assertEquals(List.of(new Statement("A", "Allow", null, List.of("iam:*", "organizations:*"), null,
        List.of("arn:aws:s3:::x", "arn:aws:s3:::y"), null, null, List.of(), new TreeSet<>(), List.of())), s);
  }

  @Test
  void principalsInEveryForm() {
    List<Statement> s = PolicyDocuments.parseJson("""
        {"Statement":[
          {"Effect":"Allow","Action":"sts:AssumeRole","Principal":"*"},
          {"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"ecs-tasks.amazonaws.com"}},
          {"Effect":"Deny","Action":"s3:*","NotPrincipal":{"AWS":["arn:aws:iam::1:root","arn:aws:iam::2:root"]}}
        ]}""");
    assertEquals(principals("AWS", "*"), s.get(0).principals());
    assertEquals(principals("Service", "ecs-tasks.amazonaws.com"), s.get(1).principals());
    assertNull(s.get(2).principals());
    assertEquals(principals("AWS", "arn:aws:iam::1:root", "arn:aws:iam::2:root"), s.get(2).notPrincipals());
  }

  @Test
  void conditionsOnePerOperatorAndKeySorted() {
    List<Statement> s = PolicyDocuments.parseJson("""
        {"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{
          "StringEquals":{"aws:SourceAccount":"123","aws:PrincipalTag/team":["a","b"]},
          "Bool":{"aws:SecureTransport":true}}}]}""");
    assertEquals(List.of(
        new Statement.Condition("Bool", "aws:SecureTransport", List.of("true")),
        new Statement.Condition("StringEquals", "aws:PrincipalTag/team", List.of("a", "b")),
        new Statement.Condition("StringEquals", "aws:SourceAccount", List.of("123"))), s.get(0).conditions());
  }

  @Test
  void textThatIsNotAPolicyIsNotParsed() {
    assertNull(PolicyDocuments.parseJson("{\"rules\":[{\"rulePriority\":1}]}")); // an ECR lifecycle policy
    assertNull(PolicyDocuments.parseJson("not json"));
    assertNull(PolicyDocuments.parseJson("[]"));
  }
}
