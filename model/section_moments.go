package model

// SectionMoments is the moment (see Moment) of each section's heading: the
// first openable anchor on its line or in the first paragraph under it;
// nothing comes before a heading in its own section.
func (n *Note) SectionMoments() []int {
	out := make([]int, len(n.Sections))
	for s, sec := range n.Sections {
		out[s] = n.Moment(sec.Line, 0)
	}
	return out
}
