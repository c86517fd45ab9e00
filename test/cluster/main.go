// Command testcluster is a multi-call binary that bundles the real, upstream
// Kubernetes components used by the integration-test cluster of
// vapora/preflight-action:
//
//	testcluster apiserver [embedded-etcd flags] [kube-apiserver flags]
//	testcluster controller-manager [kube-controller-manager flags]
//	testcluster scheduler [kube-scheduler flags]
//	testcluster kubectl [kubectl args]
//	testcluster version
//
// The subcommand is taken from the basename of argv[0] when the binary is
// invoked through a symlink (kube-apiserver, kube-controller-manager,
// kube-scheduler, kubectl), and from argv[1] otherwise.
//
// Nothing here re-implements Kubernetes behaviour: each subcommand runs the
// cobra command of the corresponding upstream program
// (k8s.io/kubernetes/cmd/..., k8s.io/kubectl/pkg/cmd). The only addition is an
// etcd server embedded in the apiserver process (go.etcd.io/etcd/server/v3/embed),
// listening on 127.0.0.1 only.
//
// Scripts: scripts/cluster-up.sh and scripts/cluster-down.sh at the repo root.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type subcommand struct {
	run     func(args []string) int
	summary string
}

var subcommands = map[string]subcommand{
	"apiserver":          {runAPIServer, "kube-apiserver with an embedded etcd on 127.0.0.1"},
	"controller-manager": {runControllerManager, "kube-controller-manager"},
	"scheduler":          {runScheduler, "kube-scheduler"},
	"kubectl":            {runKubectl, "kubectl"},
	"version":            {runVersion, "print the Kubernetes version compiled in"},
}

// aliases lets the binary be symlinked under the upstream program names.
var aliases = map[string]string{
	"kube-apiserver":          "apiserver",
	"kube-controller-manager": "controller-manager",
	"kube-scheduler":          "scheduler",
}

func lookup(name string) (string, bool) {
	if a, ok := aliases[name]; ok {
		name = a
	}
	_, ok := subcommands[name]
	return name, ok
}

func usage() {
	fmt.Fprintf(os.Stderr, "usage: %s <subcommand> [args...]\n\nsubcommands:\n", filepath.Base(os.Args[0]))
	for _, n := range []string{"apiserver", "controller-manager", "scheduler", "kubectl", "version"} {
		fmt.Fprintf(os.Stderr, "  %-20s %s\n", n, subcommands[n].summary)
	}
}

func main() {
	self := strings.TrimSuffix(filepath.Base(os.Args[0]), ".exe")
	var name string
	var args []string
	if n, ok := lookup(self); ok {
		name, args = n, os.Args[1:]
	} else {
		if len(os.Args) < 2 {
			usage()
			os.Exit(2)
		}
		n, ok := lookup(os.Args[1])
		if !ok {
			if a := os.Args[1]; a == "-h" || a == "--help" || a == "help" {
				usage()
				os.Exit(0)
			}
			fmt.Fprintf(os.Stderr, "%s: unknown subcommand %q\n\n", self, os.Args[1])
			usage()
			os.Exit(2)
		}
		name, args = n, os.Args[2:]
	}
	// The upstream commands read os.Args themselves (cobra's Execute, kubectl's
	// plugin handling and verbosity pre-parsing), so present them with the
	// argv they would see as standalone programs.
	os.Args = append([]string{name}, args...)
	os.Exit(subcommands[name].run(args))
}
