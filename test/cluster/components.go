package main

import (
	"fmt"
	"os"
	"runtime"

	_ "time/tzdata" // CronJob time zones, as in the upstream main packages

	// Client auth plugins, as in upstream kubectl's main package.
	_ "k8s.io/client-go/plugin/pkg/client/auth"
	"k8s.io/component-base/cli"
	"k8s.io/component-base/logs"
	_ "k8s.io/component-base/logs/json/register"          // JSON log format
	_ "k8s.io/component-base/metrics/prometheus/clientgo" // client-go metrics
	_ "k8s.io/component-base/metrics/prometheus/version"  // version metric
	"k8s.io/component-base/version"
	kubectlcmd "k8s.io/kubectl/pkg/cmd"
	kubectlutil "k8s.io/kubectl/pkg/cmd/util"
	apiserverapp "k8s.io/kubernetes/cmd/kube-apiserver/app"
	controllermanagerapp "k8s.io/kubernetes/cmd/kube-controller-manager/app"
	schedulerapp "k8s.io/kubernetes/cmd/kube-scheduler/app"
)

// runAPIServer starts the embedded etcd (unless --embedded-etcd=false) and then
// the upstream kube-apiserver command with the remaining arguments, adding
// --etcd-servers pointing at the embedded etcd.
func runAPIServer(args []string) int {
	opts, rest, err := parseEmbeddedEtcdFlags(args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "apiserver: %v\n", err)
		return 2
	}
	if opts.enabled && !isHelp(rest) {
		etcd, clientURL, err := startEmbeddedEtcd(opts)
		if err != nil {
			fmt.Fprintf(os.Stderr, "apiserver: embedded etcd: %v\n", err)
			return 1
		}
		defer stopEmbeddedEtcd(etcd)
		rest = append([]string{"--etcd-servers=" + clientURL}, rest...)
	}
	command := apiserverapp.NewAPIServerCommand()
	command.SetArgs(rest)
	return cli.Run(command)
}

func runControllerManager(args []string) int {
	command := controllermanagerapp.NewControllerManagerCommand()
	command.SetArgs(args)
	return cli.Run(command)
}

// runScheduler runs the upstream kube-scheduler with its default profile (the
// in-tree plugins), as cmd/kube-scheduler/scheduler.go does.
func runScheduler(args []string) int {
	command := schedulerapp.NewSchedulerCommand()
	command.SetArgs(args)
	return cli.Run(command)
}

// runKubectl mirrors k8s.io/kubernetes/cmd/kubectl/kubectl.go. main() has
// already rewritten os.Args to ["kubectl", args...].
func runKubectl(args []string) int {
	logs.GlogSetter(kubectlcmd.GetLogVerbosity(os.Args)) // nolint:errcheck
	command := kubectlcmd.NewDefaultKubectlCommand()
	command.SetArgs(args)
	if err := cli.RunNoErrOutput(command); err != nil {
		kubectlutil.CheckErr(err) // prints the error and exits non-zero
	}
	return 0
}

func runVersion(args []string) int {
	v := version.Get()
	fmt.Printf("%s (%s/%s, %s, etcd embedded)\n", v.GitVersion, runtime.GOOS, runtime.GOARCH, runtime.Version())
	if v.GitVersion == "" || v.GitVersion[0] != 'v' || v.Major == "" {
		fmt.Fprintln(os.Stderr, "warning: version info not set; build with scripts/cluster-up.sh (it passes -ldflags -X k8s.io/component-base/version...)")
		return 1
	}
	return 0
}

func isHelp(args []string) bool {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "--version" || a == "--version=true" {
			return true
		}
	}
	return false
}
