package model

// Problem is something wrong with one file of a vault, in plain words. A
// problem never stops a load: the file is read as well as it can be, or
// skipped when it can't.
type Problem struct {
	Path    string
	Message string
}

func (p Problem) String() string { return p.Path + ": " + p.Message }
