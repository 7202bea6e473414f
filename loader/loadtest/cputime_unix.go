//go:build unix

package loadtest

import (
	"syscall"
	"time"
)

// ProcessCPU is the CPU time (user and system) this process has used: on a
// shared machine it tells the work a benchmark does apart from waiting.
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
