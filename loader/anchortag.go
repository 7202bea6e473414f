package loader

import "strings"

// timestampTag reads the attributes of an <a> tag (from the space after
// "a" to before ">") and reports the data-t value when the tag is a
// yt-timestamp anchor. Everything after the loader walks the spans of the
// anchors this finds (model.Note.TimestampSpan) instead of finding them
// again.
func timestampTag(attrs string) (raw string, ok bool) {
	if raw, ok := strings.CutPrefix(attrs, ` class="yt-timestamp" data-t="`); ok && raw != "" && strings.IndexByte(raw, '"') == len(raw)-1 {
		return raw[:len(raw)-1], true // the form every note generator writes, read without a search
	}
	if !hasClass(attrs, "yt-timestamp") {
		return "", false
	}
	return attribute(attrs, "data-t=")
}

// attribute is the quoted value of the attribute inside tag (which starts
// with the space after the tag name) that nameEq, "name=", introduces.
func attribute(tag, nameEq string) (string, bool) {
	for i := 0; ; {
		j := strings.Index(tag[i:], nameEq)
		if j < 0 {
			return "", false
		}
		j += i
		i = j + len(nameEq)
		if j == 0 || (tag[j-1] != ' ' && tag[j-1] != '\t') {
			continue
		}
		if i >= len(tag) || (tag[i] != '"' && tag[i] != '\'') {
			return "", false
		}
		q := tag[i]
		end := strings.IndexByte(tag[i+1:], q)
		if end < 0 {
			return "", false
		}
		return tag[i+1 : i+1+end], true
	}
}

// hasClass reports whether tag's class attribute lists class.
func hasClass(tag, class string) bool {
	v, ok := attribute(tag, "class=")
	if !ok {
		return false
	}
	for v != "" {
		i := strings.Index(v, class)
		if i < 0 {
			return false
		}
		end := i + len(class)
		if (i == 0 || v[i-1] == ' ') && (end == len(v) || v[end] == ' ') {
			return true
		}
		v = v[end:]
	}
	return false
}
