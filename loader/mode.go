package loader

import "fmt"

// TimestampMode chooses how three-part timestamps (a:b:c) are read.
type TimestampMode int

const (
	// TimestampsAuto reads a:b:c as h:mm:ss, unless the note writes its
	// third fields as filler (mostly :00) or the h:mm:ss reading is
	// implausible beside the note's others: then as mm:ss:ff (see
	// readTimestamps).
	TimestampsAuto TimestampMode = iota
	// TimestampsHMS always reads a:b:c as h:mm:ss.
	TimestampsHMS
	// TimestampsMS always reads a:b:c as mm:ss:00.
	TimestampsMS
)

// ParseTimestampMode reads the value of the --timestamps flag.
func ParseTimestampMode(s string) (TimestampMode, error) {
	switch s {
	case "auto":
		return TimestampsAuto, nil
	case "hms":
		return TimestampsHMS, nil
	case "ms":
		return TimestampsMS, nil
	}
	return TimestampsAuto, fmt.Errorf("unknown timestamps mode %q: want auto, hms or ms", s)
}

func (m TimestampMode) String() string {
	switch m {
	case TimestampsHMS:
		return "hms"
	case TimestampsMS:
		return "ms"
	}
	return "auto"
}
