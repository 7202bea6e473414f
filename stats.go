package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"tubenotes/model"
	"tubenotes/ui/safe"
)

// vaultStats are the counts "tubenotes stats" prints.
type vaultStats struct {
	Notes             int `json:"notes"`
	Channels          int `json:"channels"`
	Videos            int `json:"videos"`
	Sections          int `json:"sections"`
	Timestamps        int `json:"timestamps"`
	ValidTimestamps   int `json:"validTimestamps"`
	InvalidTimestamps int `json:"invalidTimestamps"`
	// DoubtfulTimestamps are valid ones implausible beside their note's
	// others (counted among ValidTimestamps).
	DoubtfulTimestamps int     `json:"doubtfulTimestamps"`
	Links              int     `json:"links"`
	ResolvedLinks      int     `json:"resolvedLinks"`
	DanglingLinks      int     `json:"danglingLinks"`
	Problems           int     `json:"problems"`
	Bytes              int     `json:"bytes"`
	LoadSeconds        float64 `json:"loadSeconds"`
	Cache              string  `json:"cache"`
}

func countVault(v *model.Vault, load time.Duration) vaultStats {
	s := vaultStats{
		Notes:       len(v.Notes),
		Channels:    len(v.Channels),
		Videos:      len(v.Videos),
		Problems:    len(v.Problems),
		LoadSeconds: load.Seconds(),
	}
	for _, n := range v.Notes {
		s.Bytes += len(n.Text())
		s.Sections += len(n.Sections)
		s.Timestamps += len(n.Timestamps)
		for _, ts := range n.Timestamps {
			if ts.Valid {
				s.ValidTimestamps++
			}
			if ts.Doubtful {
				s.DoubtfulTimestamps++
			}
		}
		s.Links += len(n.Links)
		for _, l := range n.Links {
			if !l.Dangling() {
				s.ResolvedLinks++
			}
		}
	}
	s.InvalidTimestamps = s.Timestamps - s.ValidTimestamps
	s.DanglingLinks = s.Links - s.ResolvedLinks
	return s
}

func runStats(args []string, stdout, stderr io.Writer) int {
	fl := newFlagSet("stats", "stats [--json] [--problems] [--timestamps auto|hms|ms] [--no-cache] PATH", stderr)
	var lf loadFlags
	lf.register(fl)
	asJSON := fl.Bool("json", false, "print the counts as one JSON object")
	listProblems := fl.Bool("problems", false, "also list each problem on stderr as path: message")
	lv, ok := loadVaultArg("stats", fl, &lf, args, stderr)
	if !ok {
		return 2
	}
	defer lv.saveCache(nil, "stats", stderr)
	v, took := lv.vault, lv.took
	if *listProblems {
		printProblems(stderr, v.Problems)
	}
	s := countVault(v, took)
	s.Cache = lv.cacheStatus()
	if *asJSON {
		enc := json.NewEncoder(stdout)
		if err := enc.Encode(s); err != nil {
			return 1
		}
		return 0
	}
	rows := []struct {
		name  string
		value string
	}{
		{"notes", fmt.Sprint(s.Notes)},
		{"channels", fmt.Sprint(s.Channels)},
		{"videos", fmt.Sprint(s.Videos)},
		{"sections", fmt.Sprint(s.Sections)},
		{"timestamps", fmt.Sprintf("%d (%d valid, %d of them doubtful, %d invalid)", s.Timestamps, s.ValidTimestamps, s.DoubtfulTimestamps, s.InvalidTimestamps)},
		{"links", fmt.Sprintf("%d (%d resolved, %d dangling)", s.Links, s.ResolvedLinks, s.DanglingLinks)},
		{"problems", fmt.Sprint(s.Problems)},
		{"size", fmt.Sprintf("%.1f MB", float64(s.Bytes)/1e6)},
		{"load time", took.Round(time.Millisecond).String()},
		{"cache", safe.Line(s.Cache)}, // may name a folder from the environment
	}
	for _, r := range rows {
		if _, err := fmt.Fprintf(stdout, "%-10s  %s\n", r.name, r.value); err != nil {
			return 1
		}
	}
	return 0
}
