package main

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"go.etcd.io/etcd/server/v3/embed"
)

// embeddedEtcdOptions are the flags the apiserver subcommand consumes itself;
// every other argument goes to kube-apiserver unchanged. They use an
// "--embedded-etcd" prefix so they cannot clash with kube-apiserver's own
// --etcd-* flags.
type embeddedEtcdOptions struct {
	enabled    bool
	dataDir    string
	clientPort int // 0: pick a free port on 127.0.0.1
	peerPort   int // 0: pick a free port on 127.0.0.1
	logLevel   string
}

func parseEmbeddedEtcdFlags(args []string) (embeddedEtcdOptions, []string, error) {
	opts := embeddedEtcdOptions{enabled: true, dataDir: "etcd-data", logLevel: "warn"}
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "--embedded-etcd") {
			rest = append(rest, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a, "--"), "=")
		if !hasValue && name != "embedded-etcd" {
			if i+1 >= len(args) {
				return opts, nil, fmt.Errorf("flag --%s needs a value", name)
			}
			i++
			value = args[i]
		}
		var err error
		switch name {
		case "embedded-etcd":
			opts.enabled = !hasValue || value == "true"
		case "embedded-etcd-data-dir":
			opts.dataDir = value
		case "embedded-etcd-client-port":
			opts.clientPort, err = strconv.Atoi(value)
		case "embedded-etcd-peer-port":
			opts.peerPort, err = strconv.Atoi(value)
		case "embedded-etcd-log-level":
			opts.logLevel = value
		default:
			return opts, nil, fmt.Errorf("unknown flag --%s", name)
		}
		if err != nil {
			return opts, nil, fmt.Errorf("flag --%s: %v", name, err)
		}
	}
	return opts, rest, nil
}

// etcdStopping is set once the apiserver has returned and etcd is being
// closed on purpose; errors etcd reports after that are expected.
var etcdStopping atomic.Bool

// freeLoopbackPort asks the kernel for an unused TCP port on 127.0.0.1.
func freeLoopbackPort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func loopbackURL(port int) url.URL {
	return url.URL{Scheme: "http", Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(port))}
}

// startEmbeddedEtcd starts a single-member etcd bound to 127.0.0.1 and returns
// it with its client URL once it is ready to serve.
func startEmbeddedEtcd(opts embeddedEtcdOptions) (*embed.Etcd, string, error) {
	var err error
	if opts.clientPort == 0 {
		if opts.clientPort, err = freeLoopbackPort(); err != nil {
			return nil, "", err
		}
	}
	if opts.peerPort == 0 {
		if opts.peerPort, err = freeLoopbackPort(); err != nil {
			return nil, "", err
		}
	}
	if err := os.MkdirAll(opts.dataDir, 0o700); err != nil {
		return nil, "", err
	}

	cfg := embed.NewConfig()
	cfg.Name = "testcluster"
	cfg.Dir = opts.dataDir
	client, peer := loopbackURL(opts.clientPort), loopbackURL(opts.peerPort)
	cfg.ListenClientUrls = []url.URL{client}
	cfg.AdvertiseClientUrls = []url.URL{client}
	cfg.ListenPeerUrls = []url.URL{peer}
	cfg.AdvertisePeerUrls = []url.URL{peer}
	cfg.InitialCluster = cfg.InitialClusterFromName(cfg.Name)
	cfg.ListenMetricsUrls = nil
	cfg.Logger = "zap"
	cfg.LogLevel = opts.logLevel
	cfg.LogOutputs = []string{"stderr"}
	// A throw-away test cluster: durability across power loss is irrelevant,
	// fsync latency is not.
	cfg.UnsafeNoFsync = true
	cfg.AutoCompactionMode = "periodic"
	cfg.AutoCompactionRetention = "5m"

	e, err := embed.StartEtcd(cfg)
	if err != nil {
		return nil, "", err
	}
	select {
	case <-e.Server.ReadyNotify():
	case err := <-e.Err():
		e.Close()
		return nil, "", err
	case <-time.After(60 * time.Second):
		e.Server.Stop()
		e.Close()
		return nil, "", fmt.Errorf("not ready after 60s")
	}
	// If etcd dies, the apiserver is useless: exit instead of serving errors.
	go func() {
		if err, ok := <-e.Err(); ok && err != nil && !etcdStopping.Load() {
			fmt.Fprintf(os.Stderr, "embedded etcd failed: %v\n", err)
			os.Exit(1)
		}
	}()
	fmt.Fprintf(os.Stderr, "embedded etcd ready: client %s, peer %s, data %s\n", client.String(), peer.String(), opts.dataDir)
	return e, client.String(), nil
}

func stopEmbeddedEtcd(e *embed.Etcd) {
	etcdStopping.Store(true)
	done := make(chan struct{})
	go func() { e.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		fmt.Fprintln(os.Stderr, "embedded etcd: close timed out")
	}
}
