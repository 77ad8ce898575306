# METADATA
# title: tfcheck ECS helpers
# description: >-
#   Reading the parsed containers of an aws_ecs_task_definition (docs/policy-input.md, "ECS"), and
#   the secret-looking-name heuristic shared by the container and SSM parameter rules.
package tfcheck.lib.ecs

# containers_unknown(task): container_definitions is known only after apply; `containers` is empty.
containers_unknown(task) if task.containers_known == false

# container_label(c, i): the container's name, or its index when it has none.
container_label(c, i) := concat("", ["container \"", c.name, "\""]) if {
	is_string(c.name)
} else := concat("", ["container ", format_int(i, 10)])

# Secret-looking names. A name is split into upper-cased alphanumeric words (`db-Password` ->
# DB, PASSWORD). It looks secret when a word ends with one of secret_markers (PASSWORD, DBPASSWORD,
# CLIENTSECRET, GITHUBTOKEN; but not SECRETARY or TOKENS) or when it holds API KEY or PRIVATE KEY,
# unless its last word says that it names, locates or describes a secret rather than holding one
# (AWS_SECRET_NAME, DB_PASSWORD_ARN, PASSWORD_FILE, TOKEN_TTL).
secret_markers := ["APIKEY", "PASSPHRASE", "PASSWD", "PASSWORD", "PRIVATEKEY", "SECRET", "SECRETKEY", "TOKEN"]

pointer_words := {
	"ARN", "COUNT", "ENABLED", "ENDPOINT", "EXPIRY", "FILE", "HEADER", "HOST", "ID", "LENGTH",
	"LIMIT", "NAME", "PARAM", "PARAMETER", "PATH", "REF", "SIZE", "TIMEOUT", "TTL", "TYPE", "URI",
	"URL", "VERSION",
}

words(name) := [m[0] | some m in regex.find_all_string_submatch_n(`[A-Z0-9]+`, upper(name), -1)]

secret_looking_name(name) if {
	may_look_secret(upper(name))
	ws := words(name)
	has_secret_word(ws)
	not ws[count(ws) - 1] in pointer_words
}

# may_look_secret(upper_name): the name holds a secret marker or KEY (of API KEY, PRIVATE KEY), as
# every secret-looking name does: most names do not, and are settled without splitting them into
# words by a regular expression.
may_look_secret(upper_name) if {
	some m in secret_markers
	contains(upper_name, m)
}

may_look_secret(upper_name) if contains(upper_name, "KEY")

has_secret_word(ws) if {
	some w in ws
	some m in secret_markers
	endswith(w, m)
}

has_secret_word(ws) if {
	some i, w in ws
	w in {"API", "PRIVATE"}
	ws[i + 1] == "KEY"
}

# credentials_in_url(value): a URL that carries a password (`postgres://user:pass@host/db`,
# `redis://:pass@host`). The regular expression runs only on values holding its literal parts.
credentials_in_url(value) if {
	contains(value, "://")
	contains(value, "@")
	regex.match(`^[A-Za-z][A-Za-z0-9+.-]*://[^/?#@:\s]*:[^/?#@\s]+@`, value)
}

# plaintext_secret(entry): why an `environment` entry ({name, value}) holds a secret in plain text.
# A secret-looking name does not count when its value is an ARN (a pointer to the secret), empty or
# a boolean; a URL with credentials counts whatever the name.
plaintext_secret(entry) := "its name looks secret" if {
	secret_looking_name(entry.name)
	not harmless_value(object.get(entry, "value", null))
} else := "its value is a URL with credentials" if {
	credentials_in_url(entry.value)
}

harmless_value(v) if startswith(v, "arn:")

harmless_value(v) if v in {"", "true", "false"}
