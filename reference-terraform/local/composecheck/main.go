// composecheck loads compose files the way `docker compose config -q` does, with the
// compose-go library that Docker Compose itself is built on: schema validation, interpolation,
// path resolution, normalization and the consistency checks (undefined services in depends_on,
// undefined networks and volumes, ...). It prints nothing and exits 0 when the project is valid.
//
// scripts/test-local-wagtail.sh uses it where the machine has the docker client but no compose
// plugin (and no engine), so that docker-compose.yml is still validated by the real loader:
//
//	composecheck [-project-directory DIR] FILE...
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	projectDir := flag.String("project-directory", "", "the project directory (default: the first file's directory)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: composecheck [-project-directory DIR] FILE...")
		os.Exit(2)
	}

	opts := []cli.ProjectOptionsFn{
		cli.WithOsEnv,
		cli.WithDotEnv,
		cli.WithInterpolation(true),
		cli.WithResolvedPaths(true),
		cli.WithNormalization(true),
		cli.WithConsistency(true),
	}
	if *projectDir != "" {
		opts = append(opts, cli.WithWorkingDirectory(*projectDir))
	}
	options, err := cli.NewProjectOptions(flag.Args(), opts...)
	if err != nil {
		fail(err)
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	if len(project.Services) == 0 {
		fail(fmt.Errorf("no services"))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "invalid compose project:", err)
	os.Exit(1)
}
