//go:build unix

package regular

import "syscall"

// nonBlocking opens a named pipe without waiting for a writer; it changes
// nothing for a regular file.
const nonBlocking = syscall.O_NONBLOCK
