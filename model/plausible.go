package model

// MaxVideoSeconds is the longest a YouTube video can be (its upload
// limit): a time past it is impossible.
const MaxVideoSeconds = 12 * 3600

// PlausibleBound is the latest time plausible beside times whose median
// is median: two hours past three times it, and never past
// MaxVideoSeconds. Notes spread their moments over the video, so the
// median is about half its length. The loader reads and doubts a note's
// timestamps by it, and a video's timeline its notes' times.
func PlausibleBound(median int32) int32 {
	return int32(min(3*int64(max(median, 0))+2*3600, MaxVideoSeconds))
}
