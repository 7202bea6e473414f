//go:build !unix

package main

const nonBlocking = 0
